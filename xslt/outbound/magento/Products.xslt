<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical product master data (prd:SubmitProducts) to a Magento 2 request plan: one POST V1/products per product.
  Magento saves by SKU: a product with that SKU is updated (fields sent replace, fields left out stay), otherwise
  a simple product is created. No look-up is needed, and a retry cannot create a second product.

  Parameters: message-id, channel, idempotency-key (unused: the save is keyed by SKU); weight-unit (optional): the
  store's weight unit (Stores > Configuration > General > Locale Options), g, kg, oz or lb (default kg), since
  Magento takes a bare number in that unit; attribute-set-id (optional, default 4: Magento's "Default" set).
  - status 1 (enabled) for active, 2 (disabled) for draft and archived; visibility 4 (catalog, search), or
    1 (not visible individually) for archived.
  - name is cut to 255 characters; price and weight are JSON numbers, weight only when the ERP sends one.
  - Description is plain text in the canonical message: HTML-escaped, line breaks as <br>, in the description
    attribute. Barcode and the ERP's attributes are not sent: Magento keeps them in attributes that each store
    defines for itself (an unknown attribute code is dropped or refused).
  - A product without a Price (a material master has none) never changes a price, and nothing is sold at 0. Three
    conditional calls, exactly one of which runs: a SKU the store does not have (plan:ref "sku") is created
    disabled (status 2) with price 0, since Magento requires a price; a product the store has with a price above 0
    ("priced-product", looked up afresh) is saved without a price, which keeps its own; one it has without a
    price ("unpriced-product") is saved without a price and stays disabled. Those two carry price-draft="SKU" when the
    message says active: the bridge remembers the product as disabled for lack of a price, and its price (Prices map)
    enables it. A blocked or archived product is never marked.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:prd="urn:erpbridge:products:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:mf="urn:erpbridge:map-functions"
    exclude-result-prefixes="prd mf">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="prd:SubmitProducts prd:Products prd:Product prd:Attributes prd:Attribute"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>
  <xsl:param name="weight-unit" select="'kg'"/>
  <xsl:param name="attribute-set-id" select="'4'"/>

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
        <xsl:call-template name="save">
          <xsl:with-param name="id" select="concat('save-', position())"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="save">
          <xsl:with-param name="id" select="concat('create-', position())"/>
          <xsl:with-param name="if" select="'missing'"/>
          <xsl:with-param name="ref" select="'sku'"/>
          <xsl:with-param name="sellable" select="false()"/>
        </xsl:call-template>
        <xsl:call-template name="save">
          <xsl:with-param name="id" select="concat('save-', position())"/>
          <xsl:with-param name="if" select="'found'"/>
          <xsl:with-param name="ref" select="'priced-product'"/>
        </xsl:call-template>
        <xsl:call-template name="save">
          <xsl:with-param name="id" select="concat('save-', position(), '-without-price')"/>
          <xsl:with-param name="if" select="'found'"/>
          <xsl:with-param name="ref" select="'unpriced-product'"/>
          <xsl:with-param name="sellable" select="false()"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One save by SKU; with $if, only when $ref resolves (found) or does not (missing). $sellable false: disabled. -->
  <xsl:template name="save">
    <xsl:param name="id"/>
    <xsl:param name="if"/>
    <xsl:param name="ref"/>
    <xsl:param name="sellable" select="true()"/>
    <xsl:variable name="status" select="normalize-space(prd:Status)"/>
    <call id="{$id}" method="POST" path="V1/products">
      <xsl:if test="not($sellable) and $status = 'active'">
        <xsl:attribute name="price-draft"><xsl:value-of select="prd:Sku"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$if != ''">
        <xsl:attribute name="if"><xsl:value-of select="$if"/></xsl:attribute>
        <xsl:attribute name="if-ref"><xsl:value-of select="$ref"/></xsl:attribute>
        <xsl:attribute name="if-key"><xsl:value-of select="prd:Sku"/></xsl:attribute>
      </xsl:if>
      <body>
        <fn:map>
          <fn:map key="product">
            <fn:string key="sku"><xsl:value-of select="prd:Sku"/></fn:string>
            <fn:string key="name"><xsl:value-of select="substring(prd:Title, 1, 255)"/></fn:string>
            <fn:number key="attribute_set_id"><xsl:value-of select="number($attribute-set-id)"/></fn:number>
            <xsl:choose>
              <xsl:when test="prd:Price">
                <fn:number key="price"><xsl:value-of select="number(translate(normalize-space(prd:Price), '+', ''))"/></fn:number>
              </xsl:when>
              <xsl:when test="$if = 'missing'">
                <fn:number key="price">0</fn:number>
              </xsl:when>
            </xsl:choose>
            <fn:number key="status">
              <xsl:choose>
                <xsl:when test="$status = 'active' and $sellable">1</xsl:when>
                <xsl:otherwise>2</xsl:otherwise>
              </xsl:choose>
            </fn:number>
            <fn:number key="visibility">
              <xsl:choose>
                <xsl:when test="$status = 'archived'">1</xsl:when>
                <xsl:otherwise>4</xsl:otherwise>
              </xsl:choose>
            </fn:number>
            <fn:string key="type_id">simple</fn:string>
            <xsl:if test="prd:Weight">
              <fn:number key="weight"><xsl:call-template name="store-weight"/></fn:number>
            </xsl:if>
            <xsl:if test="prd:Description">
              <fn:array key="custom_attributes">
                <fn:map>
                  <fn:string key="attribute_code">description</fn:string>
                  <fn:string key="value">
                    <xsl:value-of select="mf:TextAsHtml(string(prd:Description))"/>
                  </fn:string>
                </fn:map>
              </fn:array>
            </xsl:if>
          </fn:map>
          <fn:boolean key="saveOptions">true</fn:boolean>
        </fn:map>
      </body>
    </call>
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
