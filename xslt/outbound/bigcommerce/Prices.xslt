<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical prices (prc:Prices) to a BigCommerce request plan (REST v3): the product's price only, through
  PUT v3/catalog/products ("Update Products (Batch)", at most 10 products per call); fields not sent keep their values.

  Parameters: message-id, channel, idempotency-key (unused: setting a price repeats safely).
  - id is plan:ref "product" by SKU (the product whose variant has the SKU); price is the canonical Amount, the price
    of one unit. The bridge's products are single-variant products, whose price is the product's.
  - The delivery has already left out what is not for this channel; the map sends every price it is given.
  - Each entry carries plan:item, the price's key: a SKU the store does not have fails that price alone.  - A product the bridge created as a draft for lack of a price (if="found" if-ref="price-draft": decided by the
    bridge from its own records, not looked up on the store) is published with its price: one call per such price,
    after the price calls went through (with is_visible true and availability "available"). A price of 0 publishes nothing. A product
    the ERP blocked is never such a draft, so it stays as it is.
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

  <xsl:variable name="chunk-size" select="10"/>

  <xsl:template match="/prc:Prices">
    <xsl:variable name="prices" select="prc:Conditions/prc:Price"/>
    <plan>
      <xsl:for-each select="$prices[position() mod $chunk-size = 1]">
        <xsl:variable name="part" select="position()"/>
        <xsl:variable name="first" select="($part - 1) * $chunk-size + 1"/>
        <call id="prices-{$part}" method="PUT" path="v3/catalog/products">
          <body>
            <fn:array>
              <xsl:for-each select="$prices[position() &gt;= $first and position() &lt; $first + $chunk-size]">
                <xsl:variable name="key"><xsl:call-template name="key"/></xsl:variable>
                <fn:map plan:item="{$key}">
                  <fn:number key="id" plan:ref="product" plan:key="{prc:Sku}"/>
                  <fn:number key="price"><xsl:value-of select="normalize-space(prc:Amount)"/></fn:number>
                </fn:map>
              </xsl:for-each>
            </fn:array>
          </body>
        </call>
      </xsl:for-each>
      <xsl:for-each select="$prices[number(normalize-space(prc:Amount)) &gt; 0]">
        <xsl:variable name="key"><xsl:call-template name="key"/></xsl:variable>
        <call id="publish-{position()}" method="PUT" path="v3/catalog/products" if="found" if-ref="price-draft" if-key="{prc:Sku}">
          <body>
            <fn:array>
              <fn:map plan:item="{$key}">
                <fn:number key="id" plan:ref="product" plan:key="{prc:Sku}"/>
                <fn:boolean key="is_visible">true</fn:boolean>
                <fn:string key="availability">available</fn:string>
              </fn:map>
            </fn:array>
          </body>
        </call>
      </xsl:for-each>
    </plan>
  </xsl:template>

  <!-- The price's key, as the bridge keys canonical prices: SKU, sales area, condition type and first valid day. -->
  <xsl:template name="key">
    <xsl:value-of select="concat('price:', prc:Sku, '@', normalize-space(prc:SalesOrganization), '/', normalize-space(prc:DistributionChannel), '/', normalize-space(prc:ConditionType), '@', normalize-space(prc:ValidFrom))"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a Prices message (urn:erpbridge:prices:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
