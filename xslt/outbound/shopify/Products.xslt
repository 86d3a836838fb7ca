<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical product master data (prd:SubmitProducts) to a Shopify request plan: one productSet call per product
  (productSet takes one product), GraphQL Admin API 2026-01, synchronous so the answer carries the ids.

  Parameters: message-id, channel, idempotency-key (productSet is an upsert; a retry finds the product by SKU).
  - identifier.id is plan:ref "product" by SKU with plan:missing="omit-parent": a new SKU sends no identifier and
    productSet creates; a known one updates that product.
  - productSet replaces list fields wholesale, so the single variant carries its own id when the SKU is known
    (plan:ref "variant", omitted when new): the existing variant, its inventory item and stock are kept.
  - Status: active/draft/archived become ACTIVE/DRAFT/ARCHIVED. Price is a Money string, weight a Float with a
    WeightUnit.
  - A product without a Price (a material master has none) sends no price: an existing variant keeps its own, a new
    one gets Shopify's 0.00. So that nothing is sold at 0, it is two conditional calls, exactly one of which runs:
    if the shop has the SKU with a price above 0 (plan:ref "priced-product", looked up afresh) the status is the
    message's; otherwise (a new product, or one still without a price) ACTIVE becomes DRAFT. The inventory item is tracked, because the ERP sends stock levels for it.
  - That call carries price-draft="SKU" when the message says active: the bridge remembers the product as drafted for
    lack of a price, and its price (Prices map) publishes it. A blocked (draft) or archived product is never marked.
  - Description is plain text in the canonical message: it is HTML-escaped and line breaks become <br> for
    descriptionHtml. An absent Description leaves the shop's description as it is; an empty one clears it.
  - Attributes are not sent to Shopify: productSet would replace the product's whole metafield list, including
    metafields other apps keep there.
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

  <xsl:template match="/prd:SubmitProducts">
    <plan>
      <xsl:apply-templates select="prd:Products/prd:Product"/>
    </plan>
  </xsl:template>

  <xsl:template match="prd:Product">
    <xsl:variable name="status">
      <xsl:call-template name="status"/>
    </xsl:variable>
    <xsl:choose>
      <xsl:when test="prd:Price">
        <xsl:call-template name="product-set">
          <xsl:with-param name="id" select="concat('product-', position())"/>
          <xsl:with-param name="status" select="$status"/>
        </xsl:call-template>
      </xsl:when>
      <xsl:otherwise>
        <xsl:call-template name="product-set">
          <xsl:with-param name="id" select="concat('product-', position())"/>
          <xsl:with-param name="status" select="$status"/>
          <xsl:with-param name="if" select="'found'"/>
        </xsl:call-template>
        <xsl:call-template name="product-set">
          <xsl:with-param name="id" select="concat('product-', position(), '-without-price')"/>
          <xsl:with-param name="status">
            <xsl:choose>
              <xsl:when test="$status = 'ACTIVE'">DRAFT</xsl:when>
              <xsl:otherwise><xsl:value-of select="$status"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="if" select="'missing'"/>
          <xsl:with-param name="price-draft" select="$status = 'ACTIVE'"/>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- One productSet call; with $if, only when the shop has (found) or has not (missing) the SKU with a price. -->
  <xsl:template name="product-set">
    <xsl:param name="id"/>
    <xsl:param name="status"/>
    <xsl:param name="if"/>
    <xsl:param name="price-draft" select="false()"/>
    <call id="{$id}" method="POST" path="graphql.json">
      <xsl:if test="$price-draft">
        <xsl:attribute name="price-draft"><xsl:value-of select="prd:Sku"/></xsl:attribute>
      </xsl:if>
      <xsl:if test="$if != ''">
        <xsl:attribute name="if"><xsl:value-of select="$if"/></xsl:attribute>
        <xsl:attribute name="if-ref">priced-product</xsl:attribute>
        <xsl:attribute name="if-key"><xsl:value-of select="prd:Sku"/></xsl:attribute>
      </xsl:if>
      <body>
        <fn:map>
          <fn:string key="query">mutation UpsertProduct($identifier: ProductSetIdentifiers, $input: ProductSetInput!) { productSet(identifier: $identifier, input: $input, synchronous: true) { product { id variants(first: 1) { nodes { id sku inventoryItem { id } } } } userErrors { field message code } } }</fn:string>
          <fn:map key="variables">
            <fn:map key="identifier">
              <fn:string key="id" plan:ref="product" plan:key="{prd:Sku}" plan:missing="omit-parent"/>
            </fn:map>
            <fn:map key="input">
              <fn:string key="title"><xsl:value-of select="prd:Title"/></fn:string>
              <xsl:if test="prd:Description">
                <fn:string key="descriptionHtml">
                  <xsl:value-of select="mf:TextAsHtml(string(prd:Description))"/>
                </fn:string>
              </xsl:if>
              <fn:string key="status"><xsl:value-of select="$status"/></fn:string>
              <fn:array key="productOptions">
                <fn:map>
                  <fn:string key="name">Title</fn:string>
                  <fn:array key="values">
                    <fn:map><fn:string key="name">Default Title</fn:string></fn:map>
                  </fn:array>
                </fn:map>
              </fn:array>
              <fn:array key="variants">
                <fn:map>
                  <fn:string key="id" plan:ref="variant" plan:key="{prd:Sku}" plan:missing="omit"/>
                  <fn:array key="optionValues">
                    <fn:map>
                      <fn:string key="optionName">Title</fn:string>
                      <fn:string key="name">Default Title</fn:string>
                    </fn:map>
                  </fn:array>
                  <fn:string key="sku"><xsl:value-of select="prd:Sku"/></fn:string>
                  <xsl:if test="prd:Price">
                    <fn:string key="price"><xsl:value-of select="number(translate(normalize-space(prd:Price), '+', ''))"/></fn:string>
                  </xsl:if>
                  <xsl:if test="normalize-space(prd:Barcode) != ''">
                    <fn:string key="barcode"><xsl:value-of select="normalize-space(prd:Barcode)"/></fn:string>
                  </xsl:if>
                  <fn:map key="inventoryItem">
                    <fn:boolean key="tracked">true</fn:boolean>
                    <xsl:if test="prd:Weight">
                      <fn:map key="measurement">
                        <fn:map key="weight">
                          <fn:number key="value"><xsl:value-of select="normalize-space(prd:Weight)"/></fn:number>
                          <fn:string key="unit"><xsl:call-template name="weight-unit"/></fn:string>
                        </fn:map>
                      </fn:map>
                    </xsl:if>
                  </fn:map>
                </fn:map>
              </fn:array>
            </fn:map>
          </fn:map>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <xsl:template name="status">
    <xsl:variable name="status" select="normalize-space(prd:Status)"/>
    <xsl:choose>
      <xsl:when test="$status = 'active'">ACTIVE</xsl:when>
      <xsl:when test="$status = 'draft'">DRAFT</xsl:when>
      <xsl:when test="$status = 'archived'">ARCHIVED</xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">Product <xsl:value-of select="prd:Sku"/>: status '<xsl:value-of select="$status"/>' is not active, draft or archived.</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="weight-unit">
    <xsl:variable name="unit" select="normalize-space(prd:Weight/@unit)"/>
    <xsl:choose>
      <xsl:when test="$unit = 'kg'">KILOGRAMS</xsl:when>
      <xsl:when test="$unit = 'g'">GRAMS</xsl:when>
      <xsl:when test="$unit = 'lb'">POUNDS</xsl:when>
      <xsl:when test="$unit = 'oz'">OUNCES</xsl:when>
      <xsl:otherwise>
        <xsl:message terminate="yes">Product <xsl:value-of select="prd:Sku"/>: weight unit '<xsl:value-of select="$unit"/>' is not g, kg, oz or lb.</xsl:message>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitProducts message (urn:erpbridge:products:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
