<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical shipment confirmations (shp:SubmitShipments) to an API2Cart request plan: per shipment one POST
  order.shipment.add.json. The store's order number is API2Cart's order_id. The whole message goes to every channel a
  shipment names, so only the shipments whose Channel equals the channel parameter are kept.

  A call is made only when the order holds no shipment with this tracking number yet (if="missing" on reference
  order-shipment, key "{OrderNumber}/{TrackingNumber}": the connector reads the order's shipments before sending),
  and carries idempotency_key "{idempotency-key}:{call id}" for API2Cart's own 15-minute replay cache. Sent twice,
  the same shipment therefore creates one.
  - order_id comes from reference order (an unknown order fails permanently, naming it), each line's
    order_product_id from order-product (key "{OrderNumber}/{Sku}", the order line whose model is the SKU).
    Quantities are the shipment's own; the same SKU on several lines (a batch split) is one item, quantities added up.
  - tracking_numbers carries the tracking number with carrier_id the carrier in lower case (the ids carts list in
    cart.info are such slugs: ups, fedex, dhl, usps); tracking_provider the carrier as the ERP names it; tracking_link
    from TrackingUrl when given. is_shipped true; send_notifications true: the customer hears of the tracking number.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:shp="urn:erpbridge:shipments:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:plan="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="shp">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="shp:SubmitShipments shp:Shipments shp:Shipment shp:Lines shp:Line"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <xsl:key name="line" match="shp:Line" use="concat(generate-id(../..), '&#9;', normalize-space(shp:Sku))"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="key">
    <xsl:choose>
      <xsl:when test="normalize-space($idempotency-key) != ''"><xsl:value-of select="$idempotency-key"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($message-id, ':', $channel)"/></xsl:otherwise>
    </xsl:choose>
  </xsl:variable>

  <xsl:template match="/shp:SubmitShipments">
    <plan>
      <xsl:apply-templates select="shp:Shipments/shp:Shipment[normalize-space(shp:Channel) = normalize-space($channel)]"/>
    </plan>
  </xsl:template>

  <xsl:template match="shp:Shipment">
    <xsl:variable name="order" select="normalize-space(shp:OrderNumber)"/>
    <xsl:variable name="tracking" select="normalize-space(shp:TrackingNumber)"/>
    <call id="shipment-{position()}" method="POST" path="order.shipment.add.json"
          if="missing" if-ref="order-shipment" if-key="{$order}/{$tracking}">
      <body>
        <fn:map>
          <fn:string key="order_id" plan:ref="order" plan:key="{$order}"/>
          <fn:array key="items">
            <xsl:for-each select="shp:Lines/shp:Line[generate-id() = generate-id(key('line', concat(generate-id(../..), '&#9;', normalize-space(shp:Sku)))[1])]">
              <fn:map>
                <fn:string key="order_product_id" plan:ref="order-product" plan:key="{$order}/{normalize-space(shp:Sku)}"/>
                <fn:number key="quantity"><xsl:value-of select="sum(key('line', concat(generate-id(../..), '&#9;', normalize-space(shp:Sku)))/shp:Quantity)"/></fn:number>
              </fn:map>
            </xsl:for-each>
          </fn:array>
          <fn:array key="tracking_numbers">
            <fn:map>
              <fn:string key="carrier_id"><xsl:value-of select="translate(normalize-space(shp:Carrier), $upper, $lower)"/></fn:string>
              <fn:string key="tracking_number"><xsl:value-of select="$tracking"/></fn:string>
            </fn:map>
          </fn:array>
          <xsl:if test="normalize-space(shp:Carrier) != ''">
            <fn:string key="tracking_provider"><xsl:value-of select="normalize-space(shp:Carrier)"/></fn:string>
          </xsl:if>
          <xsl:if test="normalize-space(shp:TrackingUrl) != ''">
            <fn:string key="tracking_link"><xsl:value-of select="normalize-space(shp:TrackingUrl)"/></fn:string>
          </xsl:if>
          <fn:boolean key="is_shipped">true</fn:boolean>
          <fn:boolean key="send_notifications">true</fn:boolean>
          <fn:string key="idempotency_key"><xsl:value-of select="concat($key, ':shipment-', position())"/></fn:string>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitShipments message (urn:erpbridge:shipments:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
