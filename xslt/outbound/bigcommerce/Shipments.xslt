<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical shipment confirmations (shp:SubmitShipments) to a BigCommerce request plan, orders API v2. The store's
  order number is the BigCommerce order id. The whole message goes to every channel a shipment names, so only the
  shipments whose Channel equals the channel parameter are kept.

  Per shipment one call, POST v2/orders/{order}/shipments, made only when the order holds no shipment recorded for
  this ShipmentId yet (if="missing" on reference order-shipment, key "{OrderNumber}/{ShipmentId}"): the ShipmentId is
  written into comments as a line "ERP shipment: {ShipmentId}", and the connector reads the order's shipments for that
  line before sending. Sent twice, the same ShipmentId therefore creates one shipment.
  - The order id comes from reference order (an unknown order fails permanently, naming it), the address to ship to
    from order-address (the order's first shipping address), each line's order_product_id from order-product (key
    "{OrderNumber}/{Sku}"). Quantities are the shipment's own: a partial shipment ships only what it names;
    the same SKU on several lines (a batch split) is one item with the quantities added up.
  - tracking_carrier is the carrier in lower case (BigCommerce takes AfterShip courier slugs such as ups, dhl, fedex);
    shipping_provider is not sent: it only accepts the store's integrated providers. tracking_number is cut to the
    API's 50 characters, tracking_link (from TrackingUrl, when given) to 500.

  Parameters: message-id, channel, idempotency-key (unused: the shipment look-up above keeps a retry from creating twice).
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

  <!-- Lines of one shipment by SKU: the same SKU twice (a batch split) is one item with the quantities added up. -->
  <xsl:key name="line" match="shp:Line" use="concat(generate-id(../..), '&#9;', normalize-space(shp:Sku))"/>
  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/shp:SubmitShipments">
    <plan>
      <xsl:apply-templates select="shp:Shipments/shp:Shipment[normalize-space(shp:Channel) = normalize-space($channel)]"/>
    </plan>
  </xsl:template>

  <xsl:template match="shp:Shipment">
    <xsl:variable name="order" select="normalize-space(shp:OrderNumber)"/>
    <xsl:variable name="shipment" select="normalize-space(shp:ShipmentId)"/>
    <call id="shipment-{position()}" method="POST" path="v2/orders/{{order}}/shipments"
          if="missing" if-ref="order-shipment" if-key="{$order}/{$shipment}">
      <path-param name="order" ref="order" key="{$order}"/>
      <body>
        <fn:map>
          <fn:number key="order_address_id" plan:ref="order-address" plan:key="{$order}"/>
          <fn:string key="tracking_number"><xsl:value-of select="substring(normalize-space(shp:TrackingNumber), 1, 50)"/></fn:string>
          <fn:string key="tracking_carrier"><xsl:value-of select="translate(normalize-space(shp:Carrier), $upper, $lower)"/></fn:string>
          <xsl:if test="normalize-space(shp:TrackingUrl) != ''">
            <fn:string key="tracking_link"><xsl:value-of select="substring(normalize-space(shp:TrackingUrl), 1, 500)"/></fn:string>
          </xsl:if>
          <fn:string key="comments">ERP shipment: <xsl:value-of select="$shipment"/></fn:string>
          <fn:array key="items">
            <xsl:for-each select="shp:Lines/shp:Line[generate-id() = generate-id(key('line', concat(generate-id(../..), '&#9;', normalize-space(shp:Sku)))[1])]">
              <fn:map>
                <fn:number key="order_product_id" plan:ref="order-product" plan:key="{$order}/{normalize-space(shp:Sku)}"/>
                <fn:number key="quantity"><xsl:value-of select="sum(key('line', concat(generate-id(../..), '&#9;', normalize-space(shp:Sku)))/shp:Quantity)"/></fn:number>
              </fn:map>
            </xsl:for-each>
          </fn:array>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitShipments message (urn:erpbridge:shipments:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
