<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical stock levels (inv:SubmitInventory) to a BigCommerce request plan: absolute inventory adjustments
  (PUT v3/inventory/adjustments/absolute), items identified by SKU.

  Parameters: message-id, channel, idempotency-key (unused: absolute adjustments repeat safely).
  - location_id is a platform id: plan:ref "location" by ERP location code, a JSON number once resolved.
  - The API takes at most 2,000 items per request, so longer messages become several calls.
  - The same SKU and location twice in one message: the later line wins, as the ERP's later statement.
  - A negative level (an oversold ERP) is sent as 0: a shop cannot sell below zero.
  - sku is plan:ref "sku" (the SKU itself once the store is known to have it) and each item carries plan:item, the
    stock line's key (inv:SKU@LOCATION): a SKU or location the store does not have leaves that line out, alone, and
    fails it with the reason, instead of the store refusing the whole call.
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

  <xsl:variable name="chunk-size" select="2000"/>

  <xsl:key name="line" match="inv:Item" use="concat(inv:Sku, '&#9;', inv:Location)"/>

  <xsl:template match="/inv:SubmitInventory">
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="normalize-space($message-id) != ''"><xsl:value-of select="$message-id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="inv:MessageId"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="items" select="inv:Items/inv:Item[generate-id() = generate-id(key('line', concat(inv:Sku, '&#9;', inv:Location))[last()])]"/>
    <plan>
      <xsl:for-each select="$items[position() mod $chunk-size = 1]">
        <xsl:variable name="part" select="position()"/>
        <xsl:variable name="first" select="($part - 1) * $chunk-size + 1"/>
        <call id="set-stock-{$part}" method="PUT" path="v3/inventory/adjustments/absolute">
          <body>
            <fn:map>
              <fn:string key="reason">ERP stock <xsl:value-of select="$id"/></fn:string>
              <fn:array key="items">
                <xsl:for-each select="$items[position() &gt;= $first and position() &lt; $first + $chunk-size]">
                  <fn:map plan:item="inv:{normalize-space(inv:Sku)}@{normalize-space(inv:Location)}">
                    <fn:number key="location_id" plan:ref="location" plan:key="{inv:Location}"/>
                    <fn:string key="sku" plan:ref="sku" plan:key="{inv:Sku}"/>
                    <fn:number key="quantity">
                          <xsl:choose>
                            <xsl:when test="number(translate(normalize-space(inv:Quantity), '+', '')) &lt; 0">0</xsl:when>
                            <xsl:otherwise><xsl:value-of select="normalize-space(inv:Quantity)"/></xsl:otherwise>
                          </xsl:choose>
                        </fn:number>
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
