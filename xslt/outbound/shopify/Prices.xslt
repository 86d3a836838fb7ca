<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical prices (prc:Prices) to a Shopify request plan: the price only, through productVariantsBulkUpdate (GraphQL
  Admin API 2026-01), one call per price; nothing else of the product or its variant changes (productSet would
  replace the variant list).

  Parameters: message-id, channel, idempotency-key (unused: setting a price repeats safely).
  - productId and the variant's id are plan:ref "product" and "variant" by SKU; price is the canonical Amount, the
    price of one unit, as a Money string.
  - The delivery has already left out what is not for this channel (condition types that are no sales price, other
    sales areas, expired or not yet valid prices); the map sends every price it is given.
  - The variables carry plan:item, the price's key: a SKU the shop does not have fails that price alone, and its
    call is not sent.
  - A product the bridge created as a draft for lack of a price (if="found" if-ref="price-draft": decided by the
    bridge from its own records, not looked up on the shop) is published with its price: productUpdate sets status
    ACTIVE after the price call went through. A price of 0 publishes nothing. A product the ERP blocked is never
    such a draft, so it stays as it is.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:prc="urn:erpbridge:prices:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:plan="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="prc">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="prc:*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <xsl:template match="/prc:Prices">
    <plan>
      <xsl:apply-templates select="prc:Conditions/prc:Price"/>
    </plan>
  </xsl:template>

  <xsl:template match="prc:Price">
    <xsl:variable name="key"><xsl:call-template name="key"/></xsl:variable>
    <call id="price-{position()}" method="POST" path="graphql.json">
      <body>
        <fn:map>
          <fn:string key="query">mutation SetPrice($productId: ID!, $variants: [ProductVariantsBulkInput!]!) { productVariantsBulkUpdate(productId: $productId, variants: $variants) { productVariants { id sku price } userErrors { field message code } } }</fn:string>
          <fn:map key="variables" plan:item="{$key}">
            <fn:string key="productId" plan:ref="product" plan:key="{prc:Sku}"/>
            <fn:array key="variants">
              <fn:map>
                <fn:string key="id" plan:ref="variant" plan:key="{prc:Sku}"/>
                <fn:string key="price"><xsl:value-of select="normalize-space(prc:Amount)"/></fn:string>
              </fn:map>
            </fn:array>
          </fn:map>
        </fn:map>
      </body>
    </call>
    <xsl:if test="number(normalize-space(prc:Amount)) &gt; 0">
      <call id="publish-{position()}" method="POST" path="graphql.json" if="found" if-ref="price-draft" if-key="{prc:Sku}">
        <body>
          <fn:map>
            <fn:string key="query">mutation Publish($product: ProductUpdateInput!) { productUpdate(product: $product) { product { id status } userErrors { field message } } }</fn:string>
            <fn:map key="variables" plan:item="{$key}">
              <fn:map key="product">
                <fn:string key="id" plan:ref="product" plan:key="{prc:Sku}"/>
                <fn:string key="status">ACTIVE</fn:string>
              </fn:map>
            </fn:map>
          </fn:map>
        </body>
      </call>
    </xsl:if>
  </xsl:template>

  <!-- The price's key, as the bridge keys canonical prices: SKU, sales area, condition type and first valid day. -->
  <xsl:template name="key">
    <xsl:value-of select="concat('price:', prc:Sku, '@', normalize-space(prc:SalesOrganization), '/', normalize-space(prc:DistributionChannel), '/', normalize-space(prc:ConditionType), '@', normalize-space(prc:ValidFrom))"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a Prices message (urn:erpbridge:prices:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
