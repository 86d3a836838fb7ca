<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical product master data (prd:SubmitProducts) to a WooCommerce request plan (REST wc/v3). Per product two
  conditional calls, exactly one of which runs: POST products when no product has the SKU (if="missing"),
  PUT products/{id} when one does (if="found"; id is the product's, resolved by SKU).

  Parameters: message-id, channel, idempotency-key (unused: WooCommerce has no idempotency; the look-up by SKU
  before create keeps a retry from creating twice, and a duplicate is refused with product_invalid_sku);
  weight-unit (optional): the shop's weight unit, g, kg, oz or lb (default kg). WooCommerce takes the weight as a
  string in the unit set on the shop, so the canonical weight is converted to it (4 decimals).
  - Create sends name, type "simple", status, sku, regular_price, description, weight, global_unique_id and
    attributes. Update sends the same without type and without attributes: a PUT replaces the product's whole
    attribute list, which would drop attributes the merchant added.
  - Status: active is "publish", draft "draft", archived "private" (kept, but not shown in the shop).
  - Prices and weight are strings (the REST schema's type); the price has at least two decimals. Currency is not
    sent: a WooCommerce shop has one currency, set on the shop.
  - Barcode goes to global_unique_id (GTIN, UPC, EAN or ISBN; WooCommerce 9.2 and later; older versions ignore it).
  - Stock is not sent: stock levels come with inventory messages (manage_stock and stock_quantity).
  - Description is plain text in the canonical message: HTML-escaped, line breaks as <br>.
  - Attributes become custom (non-taxonomy) product attributes, visible, one option each; empty values are skipped.
  - A SKU held by a variation is not a product: the create is refused as a duplicated SKU.
  - A product without a Price (a material master has none) sends no regular_price: the shop keeps the price it
    has, and a new product has none (WooCommerce sells nothing without a price). Three conditional calls, exactly
    one of which runs: a new SKU is created as a draft (private when archived); a product the shop has with a
    price above 0 (plan:ref "priced-product", looked up afresh) is updated as usual; one it has without a price
    ("unpriced-product") is updated but stays a draft when the message says active. The create and that update carry
    price-draft="SKU" when the message says active: the bridge remembers the product as drafted for lack of a price,
    and its price (Prices map) publishes it. A blocked or archived product is never marked.
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
    <call id="create-{position()}" method="POST" path="products" if="missing" if-ref="product" if-key="{prd:Sku}">
      <xsl:if test="not(prd:Price)">
        <xsl:call-template name="price-draft"/>
      </xsl:if>
      <body>
        <fn:map>
          <xsl:call-template name="fields">
            <xsl:with-param name="create" select="true()"/>
            <xsl:with-param name="sellable" select="boolean(prd:Price)"/>
          </xsl:call-template>
        </fn:map>
      </body>
    </call>
    <xsl:choose>
      <xsl:when test="prd:Price">
        <xsl:call-template name="update">
          <xsl:with-param name="id" select="concat('update-', position())"/>
          <xsl:with-param name="ref" select="'product'"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
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

  <!-- PUT of the product $ref names by SKU, when the shop has it. -->
  <xsl:template name="update">
    <xsl:param name="id"/>
    <xsl:param name="ref"/>
    <xsl:param name="sellable" select="true()"/>
    <call id="{$id}" method="PUT" path="products/{{id}}" if="found" if-ref="{$ref}" if-key="{prd:Sku}">
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

  <!-- An active product kept a draft only for lack of a price: the bridge remembers it, and its price publishes it. -->
  <xsl:template name="price-draft">
    <xsl:if test="normalize-space(prd:Status) = 'active'">
      <xsl:attribute name="price-draft"><xsl:value-of select="prd:Sku"/></xsl:attribute>
    </xsl:if>
  </xsl:template>

  <!-- $sellable false: a product without a price, never published. -->
  <xsl:template name="fields">
    <xsl:param name="create"/>
    <xsl:param name="sellable" select="true()"/>
    <fn:string key="name"><xsl:value-of select="prd:Title"/></fn:string>
    <xsl:if test="$create">
      <fn:string key="type">simple</fn:string>
    </xsl:if>
    <fn:string key="status">
      <xsl:choose>
        <xsl:when test="normalize-space(prd:Status) = 'active' and $sellable">publish</xsl:when>
        <xsl:when test="normalize-space(prd:Status) = 'archived'">private</xsl:when>
        <xsl:otherwise>draft</xsl:otherwise>
      </xsl:choose>
    </fn:string>
    <fn:string key="sku"><xsl:value-of select="prd:Sku"/></fn:string>
    <xsl:if test="prd:Price">
      <fn:string key="regular_price"><xsl:value-of select="format-number(number(translate(normalize-space(prd:Price), '+', '')), '0.00##')"/></fn:string>
    </xsl:if>
    <xsl:if test="prd:Description">
      <fn:string key="description">
        <xsl:value-of select="mf:TextAsHtml(string(prd:Description))"/>
      </fn:string>
    </xsl:if>
    <xsl:if test="prd:Weight">
      <fn:string key="weight"><xsl:call-template name="store-weight"/></fn:string>
    </xsl:if>
    <xsl:if test="normalize-space(prd:Barcode) != ''">
      <fn:string key="global_unique_id"><xsl:value-of select="normalize-space(prd:Barcode)"/></fn:string>
    </xsl:if>
    <xsl:variable name="attributes" select="prd:Attributes/prd:Attribute[normalize-space(prd:Value) != '']"/>
    <xsl:if test="$create and $attributes">
      <fn:array key="attributes">
        <xsl:for-each select="$attributes">
          <fn:map>
            <fn:string key="name"><xsl:value-of select="prd:Name"/></fn:string>
            <fn:boolean key="visible">true</fn:boolean>
            <fn:array key="options">
              <fn:string><xsl:value-of select="prd:Value"/></fn:string>
            </fn:array>
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
