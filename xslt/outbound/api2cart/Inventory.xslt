<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical stock levels (inv:SubmitInventory) to an API2Cart request plan: one PUT product.update.json per stock
  line, with the absolute quantity (API2Cart updates one product per call; its batch method answers with a job to
  poll, not with the outcome).

  Parameters: message-id, channel, idempotency-key (the delivery's stable key; each call sends
  "{idempotency-key}:{call id}" as idempotency_key, so a retry within API2Cart's 15-minute window is answered from its
  cache; after that the absolute quantity is simply set again).
  - id is the product's id by SKU (plan:ref "product"); warehouse_id is the warehouse the channel's Locations map
    the ERP location to (plan:ref "warehouse"), left out for a location mapped to "" (the cart's own stock). Locations
    the channel does not map never reach the map: the connector declines them.
  - Each call's body is the stock line's item (plan:item inv:SKU@LOCATION): a SKU the cart does not have fails that
    line alone, and its call is not sent.
  - The same SKU and location twice in one message: the later line wins. A negative level is sent as 0.
  - manage_stock is true: a quantity on a product whose stock is not tracked would not limit sales.
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

  <xsl:key name="line" match="inv:Item" use="concat(inv:Sku, '&#9;', inv:Location)"/>

  <xsl:template match="/inv:SubmitInventory">
    <xsl:variable name="key">
      <xsl:choose>
        <xsl:when test="normalize-space($idempotency-key) != ''"><xsl:value-of select="$idempotency-key"/></xsl:when>
        <xsl:when test="normalize-space($message-id) != ''"><xsl:value-of select="concat($message-id, ':', $channel)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="concat(inv:MessageId, ':', $channel)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <plan>
      <xsl:for-each select="inv:Items/inv:Item[generate-id() = generate-id(key('line', concat(inv:Sku, '&#9;', inv:Location))[last()])]">
        <call id="set-stock-{position()}" method="PUT" path="product.update.json">
          <body>
            <fn:map plan:item="inv:{normalize-space(inv:Sku)}@{normalize-space(inv:Location)}">
              <fn:string key="id" plan:ref="product" plan:key="{inv:Sku}"/>
              <fn:string key="warehouse_id" plan:ref="warehouse" plan:key="{inv:Location}" plan:missing="omit"/>
              <fn:number key="quantity">
                <xsl:choose>
                  <xsl:when test="number(translate(normalize-space(inv:Quantity), '+', '')) &lt; 0">0</xsl:when>
                  <xsl:otherwise><xsl:value-of select="number(translate(normalize-space(inv:Quantity), '+', ''))"/></xsl:otherwise>
                </xsl:choose>
              </fn:number>
              <fn:boolean key="manage_stock">true</fn:boolean>
              <fn:string key="idempotency_key"><xsl:value-of select="concat($key, ':set-stock-', position())"/></fn:string>
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
