<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical shipments (shp:SubmitShipments) to a Shopify request plan: one fulfillmentCreate per shipment, through the
  order's fulfillment orders, GraphQL Admin API 2026-01.

  Parameters: message-id, channel, idempotency-key. Only shipments whose Channel equals the channel parameter are
  mapped (the runner sends the whole message to every channel a shipment names); without a channel parameter all are.
  - The ERP knows the store's order number and SKUs, not Shopify's ids: plan:ref "fulfillment-order" and
    "fulfillment-order-line-item" (key "ORDER/SKU") are resolved by the connector to the open fulfillment order line
    of that SKU with something left to ship. An unknown order fails the delivery permanently, naming the order.
  - Partial shipments send only the quantities shipped; what remains stays open for a later shipment.
  - fulfillmentCreate has no @idempotent directive in 2026-01, and a fulfillment keeps no free-form field the ERP's
    ShipmentId could be read back from. The call is therefore conditional: it runs only if the order has no
    fulfillment with this shipment's tracking number yet (reference "fulfillment", key "ORDER/TRACKING"), so a
    resent shipment creates nothing. The ShipmentId goes into the fulfillment's message for people reading it.
  - The same SKU twice in one shipment is sent once with the quantities added up.
  - The customer is notified: a shipment confirmation from the ERP is the moment the parcel leaves.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:shp="urn:erpbridge:shipments:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:plan="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="shp">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="shp:*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <xsl:key name="line" match="shp:Line" use="concat(generate-id(../..), '&#9;', shp:Sku)"/>

  <xsl:template match="/shp:SubmitShipments">
    <xsl:variable name="id">
      <xsl:choose>
        <xsl:when test="normalize-space($message-id) != ''"><xsl:value-of select="$message-id"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="shp:MessageId"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <plan>
      <xsl:for-each select="shp:Shipments/shp:Shipment[normalize-space($channel) = '' or shp:Channel = $channel]">
        <xsl:variable name="order" select="normalize-space(shp:OrderNumber)"/>
        <xsl:variable name="shipment" select="."/>
        <call id="fulfill-{normalize-space(shp:ShipmentId)}" method="POST" path="graphql.json"
              if="missing" if-ref="fulfillment" if-key="{$order}/{normalize-space(shp:TrackingNumber)}">
          <body>
            <fn:map>
              <fn:string key="query">mutation CreateFulfillment($fulfillment: FulfillmentInput!, $message: String) { fulfillmentCreate(fulfillment: $fulfillment, message: $message) { fulfillment { id name status trackingInfo(first: 1) { number company url } } userErrors { field message } } }</fn:string>
              <fn:map key="variables">
                <fn:string key="message">Shipment <xsl:value-of select="normalize-space(shp:ShipmentId)"/> (message <xsl:value-of select="$id"/>)</fn:string>
                <fn:map key="fulfillment">
                  <fn:boolean key="notifyCustomer">true</fn:boolean>
                  <fn:map key="trackingInfo">
                    <fn:string key="company"><xsl:value-of select="normalize-space(shp:Carrier)"/></fn:string>
                    <fn:string key="number"><xsl:value-of select="normalize-space(shp:TrackingNumber)"/></fn:string>
                    <xsl:if test="normalize-space(shp:TrackingUrl) != ''">
                      <fn:string key="url"><xsl:value-of select="normalize-space(shp:TrackingUrl)"/></fn:string>
                    </xsl:if>
                  </fn:map>
                  <fn:array key="lineItemsByFulfillmentOrder">
                    <xsl:for-each select="shp:Lines/shp:Line[generate-id() = generate-id(key('line', concat(generate-id($shipment), '&#9;', shp:Sku))[1])]">
                      <xsl:variable name="ref" select="concat($order, '/', normalize-space(shp:Sku))"/>
                      <fn:map>
                        <fn:string key="fulfillmentOrderId" plan:ref="fulfillment-order" plan:key="{$ref}"/>
                        <fn:array key="fulfillmentOrderLineItems">
                          <fn:map>
                            <fn:string key="id" plan:ref="fulfillment-order-line-item" plan:key="{$ref}"/>
                            <fn:number key="quantity"><xsl:value-of select="sum(key('line', concat(generate-id($shipment), '&#9;', shp:Sku))/shp:Quantity)"/></fn:number>
                          </fn:map>
                        </fn:array>
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
    <xsl:message terminate="yes">Expected a SubmitShipments message (urn:erpbridge:shipments:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
