<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical product master data (prd:SubmitProducts) to an API2Cart request plan. Per product conditional calls,
  exactly one of which runs: POST product.add.json when the cart has no product with the SKU (if="missing"), PUT
  product.update.json when it has (if="found"; id is the product's, resolved by SKU).

  Parameters: message-id, channel, idempotency-key (each call sends "{idempotency-key}:{call id}" as idempotency_key;
  beyond API2Cart's 15-minute window, the look-up by SKU before create keeps a retry from creating twice).
  - product.add requires name, model, description and price: model and sku are both the SKU (carts that have no SKU
    field keep it as model), description is "" when the ERP sends none, price is 0 when it sends none.
  - Description is plain text in the canonical message: HTML-escaped, line breaks as <br>. The name is cut to 255.
  - status "enabled" and available_for_view true for active products, "disabled" and false otherwise.
  - weight with weight_unit in the canonical unit (g, kg, lb, oz), as the ERP sent it; barcode from Barcode.
  - A product without a Price (a material master has none) never sends a price, and nothing is sold at 0: a new SKU
    is created with price 0 and disabled; a product the cart has with a price above 0 (plan:ref "priced-product",
    looked up afresh) is updated as usual, its price untouched; one the cart has without a price ("unpriced-product")
    is updated but stays disabled.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:prd="urn:erpbridge:products:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:plan="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:mf="urn:erpbridge:map-functions"
    exclude-result-prefixes="prd mf">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="prd:SubmitProducts prd:Products prd:Product prd:Attributes prd:Attribute"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <xsl:variable name="key">
    <xsl:choose>
      <xsl:when test="normalize-space($idempotency-key) != ''"><xsl:value-of select="$idempotency-key"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($message-id, ':', $channel)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/prd:SubmitProducts">
    <plan>
      <xsl:apply-templates select="prd:Products/prd:Product"/>
    </plan>
  </xsl:template>

  <xsl:template match="prd:Product">
    <xsl:variable name="n" select="position()"/>
    <call id="create-{$n}" method="POST" path="product.add.json" if="missing" if-ref="product" if-key="{prd:Sku}">
      <body>
        <fn:map>
          <xsl:call-template name="fields">
            <xsl:with-param name="create" select="true()"/>
            <xsl:with-param name="sellable" select="boolean(prd:Price)"/>
            <xsl:with-param name="call" select="concat('create-', $n)"/>
          </xsl:call-template>
        </fn:map>
      </body>
    </call>
    <xsl:choose>
      <xsl:when test="prd:Price">
        <xsl:call-template name="update">
          <xsl:with-param name="id" select="concat('update-', $n)"/>
          <xsl:with-param name="ref" select="'product'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="update">
          <xsl:with-param name="id" select="concat('update-', $n)"/>
          <xsl:with-param name="ref" select="'priced-product'"/>
        </xsl:call-template>
        <xsl:call-template name="update">
          <xsl:with-param name="id" select="concat('update-', $n, '-without-price')"/>
          <xsl:with-param name="ref" select="'unpriced-product'"/>
          <xsl:with-param name="sellable" select="false()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- PUT product.update of the product $ref names by SKU, when the cart has it. -->
  <xsl:template name="update">
    <xsl:param name="id"/>
    <xsl:param name="ref"/>
    <xsl:param name="sellable" select="true()"/>
    <call id="{$id}" method="PUT" path="product.update.json" if="found" if-ref="{$ref}" if-key="{prd:Sku}">
      <body>
        <fn:map>
          <fn:string key="id" plan:ref="{$ref}" plan:key="{prd:Sku}"/>
          <xsl:call-template name="fields">
            <xsl:with-param name="create" select="false()"/>
            <xsl:with-param name="sellable" select="$sellable"/>
            <xsl:with-param name="call" select="$id"/>
          </xsl:call-template>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <!-- $sellable false: a product without a price, kept disabled whatever its status. -->
  <xsl:template name="fields">
    <xsl:param name="create"/>
    <xsl:param name="sellable"/>
    <xsl:param name="call"/>
    <xsl:variable name="active" select="$sellable and normalize-space(prd:Status) = 'active'"/>
    <fn:string key="name"><xsl:value-of select="substring(prd:Title, 1, 255)"/></fn:string>
    <xsl:if test="$create">
      <fn:string key="model"><xsl:value-of select="prd:Sku"/></fn:string>
    </xsl:if>
    <fn:string key="sku"><xsl:value-of select="prd:Sku"/></fn:string>
    <xsl:if test="$create or prd:Description">
      <fn:string key="description"><xsl:value-of select="mf:TextAsHtml(string(prd:Description))"/></fn:string>
    </xsl:if>
    <xsl:choose>
      <xsl:when test="prd:Price">
        <fn:number key="price"><xsl:value-of select="number(translate(normalize-space(prd:Price), '+', ''))"/></fn:number>
      </xsl:when>
      <xsl:when test="$create">
        <fn:number key="price">0</fn:number>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="prd:Weight">
      <fn:number key="weight"><xsl:value-of select="number(translate(normalize-space(prd:Weight), '+', ''))"/></fn:number>
      <fn:string key="weight_unit"><xsl:value-of select="normalize-space(prd:Weight/@unit)"/></fn:string>
    </xsl:if>
    <xsl:if test="normalize-space(prd:Barcode) != ''">
      <fn:string key="barcode"><xsl:value-of select="normalize-space(prd:Barcode)"/></fn:string>
    </xsl:if>
    <fn:string key="status">
      <xsl:choose>
        <xsl:when test="$active">enabled</xsl:when>
        <xsl:otherwise>disabled</xsl:otherwise>
      </xsl:choose>
    </fn:string>
    <fn:boolean key="available_for_view"><xsl:value-of select="$active"/></fn:boolean>
    <fn:string key="idempotency_key"><xsl:value-of select="concat($key, ':', $call)"/></fn:string>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitProducts message (urn:erpbridge:products:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
