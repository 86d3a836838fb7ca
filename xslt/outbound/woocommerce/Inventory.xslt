<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical stock levels (inv:SubmitInventory) to a WooCommerce request plan (REST wc/v3): absolute stock set through
  POST products/batch updates of manage_stock and stock_quantity, items identified by SKU.

  Parameters: message-id, channel, idempotency-key (unused: setting an absolute level repeats safely).
  - The id of each update is plan:ref "stock-item" by SKU (a product or a variation; a JSON number once resolved).
    The map cannot know which SKUs are variations: the connector moves those entries to their parent's
    products/{id}/variations/batch, which takes the same update entries.
  - plan:location carries the line's ERP location: WooCommerce keeps one stock level per product, and the connector
    accepts only the location code configured for the channel.
  - A batch takes at most 100 items (create + update + delete), so longer messages become several calls.
  - The same SKU and location twice in one message: the later line wins, as the ERP's later statement.
  - A negative level (an oversold ERP) is sent as 0: a shop cannot sell below zero.
  - Each update carries plan:item, the stock line's key (inv:SKU@LOCATION): a SKU the shop does not have, or a
    location the channel does not take, leaves that line out, alone, and fails it with the reason.
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

  <xsl:key name="line" match="inv:Item" use="concat(inv:Sku, '&#9;', inv:Location)"/>

  <xsl:template match="/inv:SubmitInventory">
    <xsl:variable name="items" select="inv:Items/inv:Item[generate-id() = generate-id(key('line', concat(inv:Sku, '&#9;', inv:Location))[last()])]"/>
    <plan>
      <xsl:for-each select="$items[position() mod $chunk-size = 1]">
        <xsl:variable name="part" select="position()"/>
        <xsl:variable name="first" select="($part - 1) * $chunk-size + 1"/>
        <call id="set-stock-{$part}" method="POST" path="products/batch">
          <body>
            <fn:map>
              <fn:array key="update">
                <xsl:for-each select="$items[position() &gt;= $first and position() &lt; $first + $chunk-size]">
                  <xsl:variable name="quantity" select="number(translate(normalize-space(inv:Quantity), '+', ''))"/>
                  <fn:map plan:item="inv:{normalize-space(inv:Sku)}@{normalize-space(inv:Location)}">
                    <fn:number key="id" plan:ref="stock-item" plan:key="{inv:Sku}" plan:location="{inv:Location}"/>
                    <fn:boolean key="manage_stock">true</fn:boolean>
                    <fn:number key="stock_quantity">
                      <xsl:choose>
                        <xsl:when test="$quantity &lt; 0">0</xsl:when>
                        <xsl:otherwise><xsl:value-of select="$quantity"/></xsl:otherwise>
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
