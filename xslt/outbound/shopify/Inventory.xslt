<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical stock levels (inv:SubmitInventory) to a Shopify request plan: inventorySetQuantities with absolute
  "available" quantities, GraphQL Admin API 2026-01.

  Parameters: message-id, channel, idempotency-key (the delivery's stable key; retries must reuse it). Without
  them the message's own MessageId (and the channel, when given) stand in.
  - Inventory items and locations are platform ids the ERP does not know: plan:ref "inventory-item" (by SKU) and
    "location" (by ERP location code) are resolved by the connector.
  - changeFromQuantity is sent as null: the ERP is the source of truth for stock and the bridge's own ordering
    guards against stale overwrites, so Shopify's compare-and-swap is opted out of explicitly (required from 2026-04).
  - The same SKU and location twice in one message: the later line wins, as the ERP's later statement.
  - A negative level (an oversold ERP) is sent as 0: Shopify refuses negative quantities here
    (INVALID_QUANTITY_NEGATIVE), and a shop cannot sell below zero either way.
  - Messages are split into calls of at most 250 quantities (Shopify publishes no limit for this list; 250 keeps
    one call's cost and size modest); each further call's idempotency key gets ":part-N".
  - Each quantity carries plan:item, the stock line's key (inv:SKU@LOCATION): a SKU or location the shop does not
    have leaves that line out, alone, and fails it with the reason; the rest of the message is sent.
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

  <xsl:variable name="chunk-size" select="250"/>

  <xsl:key name="line" match="inv:Item" use="concat(inv:Sku, '&#9;', inv:Location)"/>

  <xsl:template match="/inv:SubmitInventory">
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="normalize-space($message-id) != ''"><xsl:value-of select="$message-id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="inv:MessageId"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="key">
      <xsl:choose>
        <xsl:when test="normalize-space($idempotency-key) != ''"><xsl:value-of select="$idempotency-key"/></xsl:when>
        <xsl:when test="normalize-space($channel) != ''"><xsl:value-of select="concat($id, ':', $channel)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="items" select="inv:Items/inv:Item[generate-id() = generate-id(key('line', concat(inv:Sku, '&#9;', inv:Location))[last()])]"/>
    <plan>
      <xsl:for-each select="$items[position() mod $chunk-size = 1]">
        <xsl:variable name="part" select="position()"/>
        <xsl:variable name="first" select="($part - 1) * $chunk-size + 1"/>
        <call id="set-stock-{$part}" method="POST" path="graphql.json">
          <body>
            <fn:map>
              <fn:string key="query">mutation SetStock($input: InventorySetQuantitiesInput!, $idempotencyKey: String!) { inventorySetQuantities(input: $input) @idempotent(key: $idempotencyKey) { inventoryAdjustmentGroup { id } userErrors { field message code } } }</fn:string>
              <fn:map key="variables">
                <fn:string key="idempotencyKey">
                  <xsl:value-of select="$key"/>
                  <xsl:if test="$part &gt; 1"><xsl:value-of select="concat(':part-', $part)"/></xsl:if>
                </fn:string>
                <fn:map key="input">
                  <fn:string key="name">available</fn:string>
                  <fn:string key="reason">correction</fn:string>
                  <fn:string key="referenceDocumentUri">gid://erpbridge/Message/<xsl:value-of select="$id"/></fn:string>
                  <fn:array key="quantities">
                    <xsl:for-each select="$items[position() &gt;= $first and position() &lt; $first + $chunk-size]">
                      <fn:map plan:item="inv:{normalize-space(inv:Sku)}@{normalize-space(inv:Location)}">
                        <fn:string key="inventoryItemId" plan:ref="inventory-item" plan:key="{inv:Sku}"/>
                        <fn:string key="locationId" plan:ref="location" plan:key="{inv:Location}"/>
                        <fn:number key="quantity">
                          <xsl:choose>
                            <xsl:when test="number(translate(normalize-space(inv:Quantity), '+', '')) &lt; 0">0</xsl:when>
                            <xsl:otherwise><xsl:value-of select="normalize-space(inv:Quantity)"/></xsl:otherwise>
                          </xsl:choose>
                        </fn:number>
                        <fn:null key="changeFromQuantity"/>
                      </fn:map>
                    </xsl:for-each>
                  </fn:array>
                </fn:map>
              </fn:map>
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
