<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical prices (prc:Prices) to a Magento 2 request plan: the price only, through Magento's price API
  POST V1/products/base-prices (at most 500 per call), at store 0 (the global scope, as the bridge saves products);
  nothing else of the product changes.

  Parameters: message-id, channel, idempotency-key (unused: setting a price repeats safely).
  - sku is plan:ref "sku" (the store's spelling once it is known to have the product); price is the canonical Amount,
    the price of one unit. Entries the API leaves out come back in its answer; the connector fails the call with them.
  - The delivery has already left out what is not for this channel; the map sends every price it is given.
  - Each entry carries plan:item, the price's key: a SKU the store does not have fails that price alone.
  - A product the bridge created as a draft for lack of a price (if="found" if-ref="price-draft": decided by the
    bridge from its own records, not looked up on the store) is published with its price: one call per such price,
    after the price calls went through (a save by SKU with status 1 (enabled) and nothing else). A price of 0 publishes nothing. A product
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

  <xsl:variable name="chunk-size" select="500"/>

  <xsl:template match="/prc:Prices">
    <xsl:variable name="prices" select="prc:Conditions/prc:Price"/>
    <plan>
      <xsl:for-each select="$prices[position() mod $chunk-size = 1]">
        <xsl:variable name="part" select="position()"/>
        <xsl:variable name="first" select="($part - 1) * $chunk-size + 1"/>
        <call id="prices-{$part}" method="POST" path="V1/products/base-prices">
          <body>
            <fn:map>
              <fn:array key="prices">
              <xsl:for-each select="$prices[position() &gt;= $first and position() &lt; $first + $chunk-size]">
                <xsl:variable name="key"><xsl:call-template name="key"/></xsl:variable>
                <fn:map plan:item="{$key}">
                  <fn:number key="price"><xsl:value-of select="normalize-space(prc:Amount)"/></fn:number>
                  <fn:number key="store_id">0</fn:number>
                  <fn:string key="sku" plan:ref="sku" plan:key="{prc:Sku}"/>
                </fn:map>
              </xsl:for-each>
              </fn:array>
            </fn:map>
          </body>
        </call>
      </xsl:for-each>
      <xsl:for-each select="$prices[number(normalize-space(prc:Amount)) &gt; 0]">
        <xsl:variable name="key"><xsl:call-template name="key"/></xsl:variable>
        <call id="publish-{position()}" method="POST" path="V1/products" if="found" if-ref="price-draft" if-key="{prc:Sku}">
          <body>
            <fn:map>
              <fn:map key="product" plan:item="{$key}">
                <fn:string key="sku" plan:ref="sku" plan:key="{prc:Sku}"/>
                <fn:number key="status">1</fn:number>
              </fn:map>
              <fn:boolean key="saveOptions">true</fn:boolean>
            </fn:map>
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
