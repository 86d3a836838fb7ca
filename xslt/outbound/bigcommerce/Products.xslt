<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical product master data (prd:SubmitProducts) to a BigCommerce request plan, catalog API v3. Per product
  two conditional calls, exactly one of which runs: POST v3/catalog/products when no product has the SKU
  (if="missing"), PUT v3/catalog/products/{id} when one does (if="found"; id is the product's, resolved by SKU).

  Parameters: message-id, channel, idempotency-key (unused: the look-up by SKU before create keeps a retry from
  creating twice); weight-unit (optional): the store's weight unit, g, kg, oz or lb (default kg). BigCommerce takes
  a bare number in the unit set on the store, so the canonical weight is converted to it (4 decimals).
  - Create sends name, type "physical", sku, price, weight (required by the API: 0 when the ERP sends none),
    description, is_visible, upc, custom_fields. Update sends the same without type and without custom_fields:
    custom fields sent in a PUT without their ids are added again, not updated.
  - is_visible is true for active only. Price and weight are JSON numbers. Name and custom fields are cut to the
    API's 250 characters; attributes with an empty value are skipped (the API requires a value).
  - Description is plain text in the canonical message: HTML-escaped, line breaks as <br>.
  - An update of an active product sends availability "available": a product created without a price was made
    unpurchasable ("disabled"), and becomes purchasable once the store has its price.
  - A product without a Price (a material master has none) never sends a price, and nothing is sold at 0. Three
    conditional calls, exactly one of which runs: a new SKU is created with price 0 (the API requires one),
    is_visible false and availability "disabled" (listed nowhere, cannot be bought); a product the store has with a
    price above 0 (plan:ref "priced-product", looked up afresh) is updated as usual, its price untouched; a product
    the store has without a price ("unpriced-product") is updated but stays hidden and disabled. Those two carry
    price-draft="SKU" when the message says active: the bridge remembers the product as drafted for lack of a price,
    and its price (Prices map) makes it visible and available. A blocked or archived product is never marked.
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
  <xsl:param name="weight-unit" select="'kg'"/>

  <xsl:variable name="store-grams">
    <xsl:call-template name="grams-per-unit">
      <xsl:with-param name="unit" select="normalize-space($weight-unit)"/>
    </xsl:call-template>
  </xsl:variable>

  <xsl:template match="/prd:SubmitProducts">
    <plan>
      <xsl:apply-templates select="prd:Products/prd:Product"/>
    </plan>
  </xsl:template>

  <xsl:template match="prd:Product">
    <xsl:choose>
      <xsl:when test="prd:Price">
        <call id="create-{position()}" method="POST" path="v3/catalog/products" if="missing" if-ref="product" if-key="{prd:Sku}">
          <body>
            <fn:map>
              <xsl:call-template name="fields">
                <xsl:with-param name="create" select="true()"/>
              </xsl:call-template>
            </fn:map>
          </body>
        </call>
        <xsl:call-template name="update">
          <xsl:with-param name="id" select="concat('update-', position())"/>
          <xsl:with-param name="ref" select="'product'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <call id="create-{position()}" method="POST" path="v3/catalog/products" if="missing" if-ref="product" if-key="{prd:Sku}">
          <xsl:call-template name="price-draft"/>
          <body>
            <fn:map>
              <xsl:call-template name="fields">
                <xsl:with-param name="create" select="true()"/>
                <xsl:with-param name="sellable" select="false()"/>
              </xsl:call-template>
            </fn:map>
          </body>
        </call>
        <xsl:call-template name="update">
          <xsl:with-param name="id" select="concat('update-', position())"/>
          <xsl:with-param name="ref" select="'priced-product'"/>
        </xsl:call-template>
        <xsl:call-template name="update">
          <xsl:with-param name="id" select="concat('update-', position(), '-without-price')"/>
          <xsl:with-param name="ref" select="'unpriced-product'"/>
          <xsl:with-param name="sellable" select="false()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- PUT of the product $ref names by SKU, when the store has it. -->
  <xsl:template name="update">
    <xsl:param name="id"/>
    <xsl:param name="ref"/>
    <xsl:param name="sellable" select="true()"/>
    <call id="{$id}" method="PUT" path="v3/catalog/products/{{id}}" if="found" if-ref="{$ref}" if-key="{prd:Sku}">
      <xsl:if test="not($sellable)">
        <xsl:call-template name="price-draft"/>
      </xsl:if>
      <path-param name="id" ref="{$ref}" key="{prd:Sku}"/>
      <body>
        <fn:map>
          <xsl:call-template name="fields">
            <xsl:with-param name="create" select="false()"/>
            <xsl:with-param name="sellable" select="$sellable"/>
          </xsl:call-template>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <!-- An active product kept hidden only for lack of a price: the bridge remembers it, and its price publishes it. -->
  <xsl:template name="price-draft">
    <xsl:if test="normalize-space(prd:Status) = 'active'">
      <xsl:attribute name="price-draft"><xsl:value-of select="prd:Sku"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- $sellable false: a product without a price, kept hidden and unpurchasable whatever its status. -->
  <xsl:template name="fields">
    <xsl:param name="create"/>
    <xsl:param name="sellable" select="true()"/>
    <fn:string key="name"><xsl:value-of select="substring(prd:Title, 1, 250)"/></fn:string>
    <xsl:if test="$create">
      <fn:string key="type">physical</fn:string>
    </xsl:if>
    <fn:string key="sku"><xsl:value-of select="prd:Sku"/></fn:string>
    <xsl:choose>
      <xsl:when test="prd:Price">
        <fn:number key="price"><xsl:value-of select="number(translate(normalize-space(prd:Price), '+', ''))"/></fn:number>
      </xsl:when>
      <xsl:when test="$create">
        <fn:number key="price">0</fn:number>
      </xsl:when>
    </xsl:choose>
    <xsl:choose>
      <xsl:when test="prd:Weight">
        <fn:number key="weight"><xsl:call-template name="store-weight"/></fn:number>
      </xsl:when>
      <xsl:when test="$create">
        <fn:number key="weight">0</fn:number>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="prd:Description">
      <fn:string key="description">
        <xsl:value-of select="mf:TextAsHtml(string(prd:Description))"/>
      </fn:string>
    </xsl:if>
    <fn:boolean key="is_visible"><xsl:value-of select="$sellable and normalize-space(prd:Status) = 'active'"/></fn:boolean>
    <xsl:choose>
      <xsl:when test="not($sellable)">
        <fn:string key="availability">disabled</fn:string>
      </xsl:when>
      <xsl:when test="not($create) and normalize-space(prd:Status) = 'active'">
        <fn:string key="availability">available</fn:string>
      </xsl:when>
    </xsl:choose>
    <xsl:if test="normalize-space(prd:Barcode) != ''">
      <fn:string key="upc"><xsl:value-of select="normalize-space(prd:Barcode)"/></fn:string>
    </xsl:if>
    <xsl:variable name="attributes" select="prd:Attributes/prd:Attribute[normalize-space(prd:Value) != '']"/>
    <xsl:if test="$create and $attributes">
      <fn:array key="custom_fields">
        <xsl:for-each select="$attributes">
          <fn:map>
            <fn:string key="name"><xsl:value-of select="substring(prd:Name, 1, 250)"/></fn:string>
            <fn:string key="value"><xsl:value-of select="substring(prd:Value, 1, 250)"/></fn:string>
          </fn:map>
        </xsl:for-each>
      </fn:array>
    </xsl:if>
  </xsl:template>

  <xsl:template name="store-weight">
    <xsl:variable name="grams">
      <xsl:call-template name="grams-per-unit">
        <xsl:with-param name="unit" select="normalize-space(prd:Weight/@unit)"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="value" select="number(translate(normalize-space(prd:Weight), '+', ''))"/>
    <xsl:value-of select="round($value * $grams div $store-grams * 10000) div 10000"/>
  </xsl:template>

  <xsl:template name="grams-per-unit">
    <xsl:param name="unit"/>
    <xsl:choose>
      <xsl:when test="$unit = 'g'">1</xsl:when>
      <xsl:when test="$unit = 'kg'">1000</xsl:when>
      <xsl:when test="$unit = 'oz'">28.349523125</xsl:when>
      <xsl:when test="$unit = 'lb'">453.59237</xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">Weight unit '<xsl:value-of select="$unit"/>' is not g, kg, oz or lb.</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitProducts message (urn:erpbridge:products:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
