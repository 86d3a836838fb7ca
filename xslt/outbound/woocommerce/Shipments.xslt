<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical shipment confirmations (shp:SubmitShipments) to a WooCommerce request plan (REST wc/v3). The store's order
  number is the WooCommerce order id (true unless a sequential-order-number plugin renumbers orders). The whole message
  goes to every channel a shipment names, so only the shipments whose Channel equals the channel parameter are kept.

  Parameters: message-id, channel, idempotency-key (unused: the look-ups below keep a retry from recording twice), and
  shipment-mode, the channel's ShipmentMode setting:
  - Fulfillments: one call per shipment, POST orders/{order}/fulfillments?notify_customer=true, the core fulfillments
    API of WooCommerce 10.1+ (a feature the store must have enabled). The meta entries are WooCommerce's own: _items
    [{item_id, qty}] (required), _tracking_number, _shipment_provider (the carrier in lower case), _tracking_url when
    given; plus _erpbridge_shipment_id, ours. The call is made only when the order has no fulfillment with that
    ShipmentId yet (if="missing" on reference fulfillment, key "{OrderNumber}/{ShipmentId}"). The order status is left
    to WooCommerce.
  - CompleteOrder (default: it works on every WooCommerce store, with or without the fulfillments feature): per
    shipment PUT orders/{order} storing the shipment as the order meta entry _erpbridge_shipment_{ShipmentId} (an object:
    shipment_id, carrier, tracking_number, tracking_url when given, shipped_at, items [{item_id, sku, qty}]) and, when
    this shipment ships the last open quantity of every line, status "completed" (reference order-completion resolves to
    "completed" or is left out, so a partial shipment leaves the order processing). Then POST orders/{order}/notes, a
    customer note (e-mailed by WooCommerce) with carrier, tracking number and URL, its last line "ERP shipment:
    {ShipmentId}". Each call is made only when its part is missing (order-shipment: the meta entry; order-note: a note
    with that last line), so a retry after a failed note sends the note alone.
  - The order id comes from reference order (an unknown order fails permanently, naming it), each line's item id from
    order-item (key "{OrderNumber}/{Sku}": the order's line item with that SKU). Quantities are the shipment's own;
    the same SKU on several lines (a batch split) is one item with the quantities added up.
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
  <xsl:param name="shipment-mode" select="'CompleteOrder'"/>

  <!-- Lines of one shipment by SKU: the same SKU twice (a batch split) is one item with the quantities added up. -->
  <xsl:key name="line" match="shp:Line" use="concat(generate-id(../..), '&#9;', normalize-space(shp:Sku))"/>

  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/shp:SubmitShipments">
    <xsl:if test="$shipment-mode != 'Fulfillments' and $shipment-mode != 'CompleteOrder'">
      <xsl:message terminate="yes">shipment-mode '<xsl:value-of select="$shipment-mode"/>' is not Fulfillments or CompleteOrder (the channel's ShipmentMode setting).</xsl:message>
    </xsl:if>
    <plan>
      <xsl:for-each select="shp:Shipments/shp:Shipment[normalize-space(shp:Channel) = normalize-space($channel)]">
        <xsl:choose>
          <xsl:when test="$shipment-mode = 'Fulfillments'">
            <xsl:apply-templates select="." mode="fulfillment"><xsl:with-param name="position" select="position()"/></xsl:apply-templates>
          </xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="." mode="complete-order"><xsl:with-param name="position" select="position()"/></xsl:apply-templates>
          </xsl:otherwise>
        </xsl:choose>
      </xsl:for-each>
    </plan>
  </xsl:template>

  <xsl:template match="shp:Shipment" mode="fulfillment">
    <xsl:param name="position"/>
    <xsl:variable name="order" select="normalize-space(shp:OrderNumber)"/>
    <xsl:variable name="shipment" select="normalize-space(shp:ShipmentId)"/>
    <call id="fulfillment-{$position}" method="POST" path="orders/{{order}}/fulfillments"
          if="missing" if-ref="fulfillment" if-key="{$order}/{$shipment}">
      <query name="notify_customer" value="true"/>
      <path-param name="order" ref="order" key="{$order}"/>
      <body>
        <fn:map>
          <fn:string key="status">fulfilled</fn:string>
          <fn:boolean key="is_fulfilled">true</fn:boolean>
          <fn:array key="meta_data">
            <fn:map>
              <fn:string key="key">_items</fn:string>
              <fn:array key="value">
                <xsl:apply-templates select="shp:Lines/shp:Line[generate-id() = generate-id(key('line', concat(generate-id(../..), '&#9;', normalize-space(shp:Sku)))[1])]" mode="item"><xsl:with-param name="order" select="$order"/></xsl:apply-templates>
              </fn:array>
            </fn:map>
            <xsl:call-template name="meta"><xsl:with-param name="key" select="'_tracking_number'"/><xsl:with-param name="value" select="normalize-space(shp:TrackingNumber)"/></xsl:call-template>
            <xsl:call-template name="meta"><xsl:with-param name="key" select="'_shipment_provider'"/><xsl:with-param name="value" select="translate(normalize-space(shp:Carrier), $upper, $lower)"/></xsl:call-template>
            <xsl:if test="normalize-space(shp:TrackingUrl) != ''">
              <xsl:call-template name="meta"><xsl:with-param name="key" select="'_tracking_url'"/><xsl:with-param name="value" select="normalize-space(shp:TrackingUrl)"/></xsl:call-template>
            </xsl:if>
            <xsl:call-template name="meta"><xsl:with-param name="key" select="'_erpbridge_shipment_id'"/><xsl:with-param name="value" select="$shipment"/></xsl:call-template>
          </fn:array>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <xsl:template match="shp:Shipment" mode="complete-order">
    <xsl:param name="position"/>
    <xsl:variable name="order" select="normalize-space(shp:OrderNumber)"/>
    <xsl:variable name="shipment" select="normalize-space(shp:ShipmentId)"/>
    <call id="record-shipment-{$position}" method="PUT" path="orders/{{order}}"
          if="missing" if-ref="order-shipment" if-key="{$order}/{$shipment}">
      <path-param name="order" ref="order" key="{$order}"/>
      <body>
        <fn:map>
          <fn:array key="meta_data">
            <fn:map>
              <fn:string key="key">_erpbridge_shipment_<xsl:value-of select="$shipment"/></fn:string>
              <fn:map key="value">
                <fn:string key="shipment_id"><xsl:value-of select="$shipment"/></fn:string>
                <fn:string key="carrier"><xsl:value-of select="normalize-space(shp:Carrier)"/></fn:string>
                <fn:string key="tracking_number"><xsl:value-of select="normalize-space(shp:TrackingNumber)"/></fn:string>
                <xsl:if test="normalize-space(shp:TrackingUrl) != ''">
                  <fn:string key="tracking_url"><xsl:value-of select="normalize-space(shp:TrackingUrl)"/></fn:string>
                </xsl:if>
                <fn:string key="shipped_at"><xsl:value-of select="normalize-space(shp:ShippedAt)"/></fn:string>
                <fn:array key="items">
                  <xsl:apply-templates select="shp:Lines/shp:Line[generate-id() = generate-id(key('line', concat(generate-id(../..), '&#9;', normalize-space(shp:Sku)))[1])]" mode="item">
                    <xsl:with-param name="order" select="$order"/>
                    <xsl:with-param name="with-sku" select="true()"/>
                  </xsl:apply-templates>
                </fn:array>
              </fn:map>
            </fn:map>
          </fn:array>
          <fn:string key="status" plan:ref="order-completion" plan:key="{$order}/{$shipment}" plan:missing="omit"/>
        </fn:map>
      </body>
    </call>
    <call id="note-shipment-{$position}" method="POST" path="orders/{{order}}/notes"
          if="missing" if-ref="order-note" if-key="{$order}/{$shipment}">
      <path-param name="order" ref="order" key="{$order}"/>
      <body>
        <fn:map>
          <fn:string key="note">
            <xsl:text>Your order has been shipped with </xsl:text><xsl:value-of select="normalize-space(shp:Carrier)"/>
            <xsl:text>. Tracking number: </xsl:text><xsl:value-of select="normalize-space(shp:TrackingNumber)"/>
            <xsl:if test="normalize-space(shp:TrackingUrl) != ''">
              <xsl:text>&#10;Track it at </xsl:text><xsl:value-of select="normalize-space(shp:TrackingUrl)"/>
            </xsl:if>
            <xsl:text>&#10;ERP shipment: </xsl:text><xsl:value-of select="$shipment"/>
          </fn:string>
          <fn:boolean key="customer_note">true</fn:boolean>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <xsl:template match="shp:Line" mode="item">
    <xsl:param name="order"/>
    <xsl:param name="with-sku" select="false()"/>
    <fn:map>
      <fn:number key="item_id" plan:ref="order-item" plan:key="{$order}/{normalize-space(shp:Sku)}"/>
      <xsl:if test="$with-sku">
        <fn:string key="sku"><xsl:value-of select="normalize-space(shp:Sku)"/></fn:string>
      </xsl:if>
      <fn:number key="qty"><xsl:value-of select="sum(key('line', concat(generate-id(../..), '&#9;', normalize-space(shp:Sku)))/shp:Quantity)"/></fn:number>
    </fn:map>
  </xsl:template>

  <xsl:template name="meta">
    <xsl:param name="key"/>
    <xsl:param name="value"/>
    <fn:map>
      <fn:string key="key"><xsl:value-of select="$key"/></fn:string>
      <fn:string key="value"><xsl:value-of select="$value"/></fn:string>
    </fn:map>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitShipments message (urn:erpbridge:shipments:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
