<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical shipments (ship:SubmitShipments) to a Magento 2 request plan: one POST V1/order/{orderId}/ship per
  shipment of this channel, which creates the shipment with its tracking number and marks the lines shipped.

  Parameters: message-id, channel (only shipments whose Channel equals it are sent), idempotency-key (unused).
  - {orderId} is the order's entity id: path-param ref "order" by the order number (Magento's increment id).
  - order_item_id is the order line of the SKU: plan:ref "order-item", key "{OrderNumber}&#9;{Sku}" (a tab between).
  - A partial shipment sends just its lines; Magento refuses a quantity above what is left to ship. The same SKU on
    several lines (a batch split) is one item with the quantities added up.
  - Idempotency: Magento has no external id for shipments, so every shipment carries the comment
    "ERP shipment {ShipmentId}" (not visible on the storefront), and the call is made only if the order has no
    shipment with that comment yet (if="missing" on ref "shipment", key "{OrderNumber}&#9;{ShipmentId}").
  - Tracks: title is the ERP's Carrier; carrier_code is Magento's code for dhl, fedex, ups, usps, else "custom".
    A Magento track has no URL field: the TrackingUrl goes into the comment, after the marker.
  - notify is false: the ERP shipment is a record, and the store decides about customer e-mails.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ship="urn:erpbridge:shipments:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:plan="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="ship">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="ship:*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <!-- Lines of one shipment by SKU: the same SKU twice (a batch split) is one item with the quantities added up. -->
  <xsl:key name="line" match="ship:Line" use="concat(generate-id(../..), '&#9;', normalize-space(ship:Sku))"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/ship:SubmitShipments">
    <plan>
      <xsl:for-each select="ship:Shipments/ship:Shipment[normalize-space(ship:Channel) = $channel]">
        <xsl:variable name="order" select="normalize-space(ship:OrderNumber)"/>
        <xsl:variable name="carrier" select="translate(normalize-space(ship:Carrier), $upper, $lower)"/>
        <call id="ship-{position()}" method="POST" path="V1/order/{{orderId}}/ship"
              if="missing" if-ref="shipment" if-key="{$order}&#9;{normalize-space(ship:ShipmentId)}">
          <path-param name="orderId" ref="order" key="{$order}"/>
          <body>
            <fn:map>
              <fn:array key="items">
                <xsl:for-each select="ship:Lines/ship:Line[generate-id() = generate-id(key('line', concat(generate-id(../..), '&#9;', normalize-space(ship:Sku)))[1])]">
                  <fn:map>
                    <fn:number key="order_item_id" plan:ref="order-item" plan:key="{$order}&#9;{normalize-space(ship:Sku)}"/>
                    <fn:number key="qty"><xsl:value-of select="sum(key('line', concat(generate-id(../..), '&#9;', normalize-space(ship:Sku)))/ship:Quantity)"/></fn:number>
                  </fn:map>
                </xsl:for-each>
              </fn:array>
              <fn:boolean key="notify">false</fn:boolean>
              <fn:map key="comment">
                <fn:string key="comment">
                  <xsl:value-of select="concat('ERP shipment ', normalize-space(ship:ShipmentId))"/>
                  <xsl:if test="normalize-space(ship:TrackingUrl) != ''">
                    <xsl:value-of select="concat('; tracking: ', normalize-space(ship:TrackingUrl))"/>
                  </xsl:if>
                </fn:string>
                <fn:number key="is_visible_on_front">0</fn:number>
              </fn:map>
              <fn:array key="tracks">
                <fn:map>
                  <fn:string key="track_number"><xsl:value-of select="normalize-space(ship:TrackingNumber)"/></fn:string>
                  <fn:string key="title"><xsl:value-of select="normalize-space(ship:Carrier)"/></fn:string>
                  <fn:string key="carrier_code">
                    <xsl:choose>
                      <xsl:when test="$carrier = 'dhl' or $carrier = 'fedex' or $carrier = 'ups' or $carrier = 'usps'"><xsl:value-of select="$carrier"/></xsl:when>
                      <xsl:otherwise>custom</xsl:otherwise>
                    </xsl:choose>
                  </fn:string>
                </fn:map>
              </fn:array>
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
