<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical stock levels (inv:SubmitInventory) to a Zoho Inventory request plan: Zoho keeps stock by adjustments, so
  each location's levels become one quantity adjustment (POST inventoryadjustments with location_id) by the difference
  to the stock on hand, which the connector reads immediately before (plan:ref "stock-delta").

  Parameters: message-id, channel, idempotency-key: the adjustment's reference_number is "ERPB-" + 20 hex digits of the
  key + "-" + the call's number, and the call is made only if no adjustment with that reference exists among the newest
  (if="missing" if-ref="adjustment"): a retry after a lost answer finds the adjustment it made and adjusts no further.
  - stock-delta's key is "{location}/{level}/{SKU}"; it resolves to level minus stock on hand, or to nothing when they
    are equal, which leaves the line out (plan:missing="omit-parent"); a call left without lines is not made.
  - item_id is plan:ref "item" by SKU and each line carries plan:item (inv:SKU@LOCATION): a SKU Zoho does not have
    fails its line alone. location_id is plan:ref "location" by ERP location code.
  - date is the day of the message's SentAt; reason names the message.
  - The same SKU and location twice in one message: the later line wins. A negative level is sent as 0.
  - At most 100 lines an adjustment; a location with more becomes several calls.
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

  <xsl:variable name="chunk-size" select="100"/>

  <xsl:key name="line" match="inv:Item" use="concat(normalize-space(inv:Sku), '&#9;', normalize-space(inv:Location))"/>
  <xsl:key name="location" match="inv:Item" use="normalize-space(inv:Location)"/>

  <xsl:template match="/inv:SubmitInventory">
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="normalize-space($message-id) != ''"><xsl:value-of select="$message-id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="inv:MessageId"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="reference" select="concat('ERPB-', substring(translate($idempotency-key, '-:', ''), 1, 20))"/>
    <xsl:variable name="date" select="substring(normalize-space(inv:SentAt), 1, 10)"/>
    <xsl:variable name="lines" select="inv:Items/inv:Item[generate-id() = generate-id(key('line', concat(normalize-space(inv:Sku), '&#9;', normalize-space(inv:Location)))[last()])]"/>
    <plan>
      <xsl:for-each select="inv:Items/inv:Item[generate-id() = generate-id(key('location', normalize-space(inv:Location))[1])]">
        <xsl:variable name="location" select="normalize-space(inv:Location)"/>
        <xsl:variable name="here" select="$lines[normalize-space(inv:Location) = $location]"/>
        <xsl:variable name="place" select="position()"/>
        <xsl:for-each select="$here[position() mod $chunk-size = 1]">
          <xsl:variable name="first" select="(position() - 1) * $chunk-size + 1"/>
          <xsl:variable name="number" select="concat($place, '-', position())"/>
          <xsl:variable name="ref" select="concat($reference, '-', $number)"/>
          <call id="adjust-{$number}" method="POST" path="inventoryadjustments" if="missing" if-ref="adjustment" if-key="{$ref}">
            <body>
              <fn:map>
                <fn:string key="date"><xsl:value-of select="$date"/></fn:string>
                <fn:string key="reason">ERP stock level</fn:string>
                <fn:string key="description">ERP stock <xsl:value-of select="$id"/></fn:string>
                <fn:string key="reference_number"><xsl:value-of select="$ref"/></fn:string>
                <fn:string key="adjustment_type">quantity</fn:string>
                <fn:string key="location_id" plan:ref="location" plan:key="{$location}"/>
                <fn:array key="line_items">
                  <xsl:for-each select="$here[position() &gt;= $first and position() &lt; $first + $chunk-size]">
                    <xsl:variable name="level">
                      <xsl:choose>
                        <xsl:when test="number(translate(normalize-space(inv:Quantity), '+', '')) &lt; 0">0</xsl:when>
                        <xsl:otherwise><xsl:value-of select="number(translate(normalize-space(inv:Quantity), '+', ''))"/></xsl:otherwise>
                      </xsl:choose>
                    </xsl:variable>
                    <fn:map plan:item="inv:{normalize-space(inv:Sku)}@{$location}">
                      <fn:string key="item_id" plan:ref="item" plan:key="{normalize-space(inv:Sku)}"/>
                      <fn:string key="location_id" plan:ref="location" plan:key="{$location}"/>
                      <fn:number key="quantity_adjusted" plan:ref="stock-delta" plan:key="{$location}/{$level}/{normalize-space(inv:Sku)}" plan:missing="omit-parent"/>
                    </fn:map>
                  </xsl:for-each>
                </fn:array>
              </fn:map>
            </body>
          </call>
        </xsl:for-each>
      </xsl:for-each>
    </plan>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitInventory message (urn:erpbridge:inventory:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
