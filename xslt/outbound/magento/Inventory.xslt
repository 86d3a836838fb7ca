<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical stock levels (inv:SubmitInventory) to a Magento 2 request plan: MSI source items
  (POST V1/inventory/source-items), which set the absolute quantity of a SKU at a source.

  Parameters: message-id, channel, idempotency-key (unused: saving a source item repeats safely).
  - source_code is the MSI source of the ERP location: plan:ref "source" by location code (the channel's Locations
    map, else a source with that code).
  - status is 1 (in stock) when the quantity is above 0, else 0: MSI does not derive it from the quantity.
  - At most 500 items per call: a synchronous save is one transaction, and stores that turn on Magento's input
    limits cap arrays further (20 by default), which the channel then has to lift for this route.
  - The same SKU and location twice in one message: the later line wins, as the ERP's later statement.
  - A negative level (an oversold ERP) is sent as 0: a shop cannot sell below zero.
  - sku is plan:ref "sku" (the store's spelling once it is known to have the product) and each item carries plan:item,
    the stock line's key (inv:SKU@LOCATION): a SKU or source the store does not have leaves that line out, alone, and
    fails it with the reason, instead of Magento refusing the whole save.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:inv="urn:erpbridge:inventory:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:plan="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="inv">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="inv:*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <xsl:variable name="chunk-size" select="500"/>

  <xsl:key name="line" match="inv:Item" use="concat(inv:Sku, '&#9;', inv:Location)"/>

  <xsl:template match="/inv:SubmitInventory">
    <xsl:variable name="items" select="inv:Items/inv:Item[generate-id() = generate-id(key('line', concat(inv:Sku, '&#9;', inv:Location))[last()])]"/>
    <plan>
      <xsl:for-each select="$items[position() mod $chunk-size = 1]">
        <xsl:variable name="part" select="position()"/>
        <xsl:variable name="first" select="($part - 1) * $chunk-size + 1"/>
        <call id="source-items-{$part}" method="POST" path="V1/inventory/source-items">
          <body>
            <fn:map>
              <fn:array key="sourceItems">
                <xsl:for-each select="$items[position() &gt;= $first and position() &lt; $first + $chunk-size]">
                  <xsl:variable name="quantity" select="number(translate(normalize-space(inv:Quantity), '+', ''))"/>
                  <fn:map plan:item="inv:{normalize-space(inv:Sku)}@{normalize-space(inv:Location)}">
                    <fn:string key="sku" plan:ref="sku" plan:key="{inv:Sku}"/>
                    <fn:string key="source_code" plan:ref="source" plan:key="{inv:Location}"/>
                    <fn:number key="quantity">
                      <xsl:choose>
                        <xsl:when test="$quantity &lt; 0">0</xsl:when>
                        <xsl:otherwise><xsl:value-of select="$quantity"/></xsl:otherwise>
                      </xsl:choose>
                    </fn:number>
                    <fn:number key="status"><xsl:value-of select="number($quantity &gt; 0)"/></fn:number>
                  </fn:map>
                </xsl:for-each>
              </fn:array>
            </fn:map>
          </body>
        </call>
      </xsl:for-each>
    </plan>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitInventory message (urn:erpbridge:inventory:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
