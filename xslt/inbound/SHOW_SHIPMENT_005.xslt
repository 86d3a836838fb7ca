<?xml version="1.0" encoding="UTF-8"?>
<!--
  Oracle E-Business Suite Departure Ship Notice Outbound (DSNO): the OAGIS 7.2 business object document
  SHOW_SHIPMENT_005 that Oracle Shipping Execution sends through XML Gateway at ship confirm, to ship:SubmitShipments.
  XML Gateway writes it from the OAG DTD, without a namespace. One SHOW_SHIPMENT (a delivery) per DATAAREA entry; a
  document may hold several.

  Parameters: message-id, sent-at, source-system (from the SubmitDocument envelope; CNTROLAREA SENDER REFERENCEID,
  the control area's CREATION date and SENDER LOGICALID stand in when they are missing); default-channel (optional,
  see Channel); order-reference-type (optional, default PO, see OrderNumber); time-zone (optional, default Z): the
  offset of a DATETIME without TIMEZONE.

  Where the fields come from:
  - Channel: Oracle EBS knows no web channel: the default-channel parameter when it is configured for the document
    type; else no Channel, and the bridge sends the shipment to the channel of the order it fetched with that
    OrderNumber (refused at intake when it knows no such order, or orders of two channels carry it).
  - OrderNumber: the shop's order number, kept on the Oracle sales order as the customer's purchase order number: the
    first document reference (DOCUMNTREF) of SHIPMENT whose DOCTYPE is order-reference-type (default PO), else the
    first such reference of an item (SHIPUNIT/INVITEM, SHIPMENT/SHIPITEM). Without one the document is rejected.
  - Shipments: one per tracking number. Each ship unit (SHIPUNIT: a parcel) with its TRACKINGID and the items packed in
    it (INVITEM) becomes a shipment, ShipmentId "{DOCUMENTID}-{SHPUNITSEQ}" (the delivery name and the unit's
    sequence, else its position); units with the same TRACKINGID make one shipment. A delivery whose ship units hold
    no items ships its SHIPITEM lines as one shipment, ShipmentId DOCUMENTID, under the first unit's TRACKINGID.
  - Carrier: the unit's CARRIER, else the shipment's. A unit without TRACKINGID or carrier is rejected.
  - ShippedAt: SHIPMENT DATETIME qualifier ACTSHIP, else SHIP, else DOCUMENT; else sent-at; else the control area's
    CREATION date. OAGIS 7 dates are YEAR, MONTH, DAY, HOUR, MINUTE, SECOND and TIMEZONE (e.g. -0800).
  - Lines: ITEM is the SKU; QUANTITY VALUE with NUMOFDEC implied decimals (VALUE 2000, NUMOFDEC 3 is 2; a VALUE
    with a decimal point is taken as written) and SIGN; whole units of at least 1 are kept, in the unit of measure
    (UOM) the order was taken in. The same ITEM may appear on several lines; the outbound maps add them up.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns="urn:erpbridge:shipments:v1">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="sent-at"/>
  <xsl:param name="source-system"/>
  <xsl:param name="default-channel"/>
  <xsl:param name="order-reference-type" select="'PO'"/>
  <xsl:param name="time-zone" select="'Z'"/>

  <!-- Ship units of one SHOW_SHIPMENT by tracking number. -->
  <xsl:key name="unit-by-tracking" match="SHIPUNIT" use="concat(generate-id(..), '|', normalize-space(TRACKINGID))"/>

  <xsl:variable name="control" select="/SHOW_SHIPMENT_005/CNTROLAREA"/>

  <xsl:template match="/SHOW_SHIPMENT_005">
    <xsl:if test="not(DATAAREA/SHOW_SHIPMENT/SHIPMENT)">
      <xsl:message terminate="yes">No shipment (DATAAREA/SHOW_SHIPMENT/SHIPMENT) in the SHOW_SHIPMENT_005 document.</xsl:message>
    </xsl:if>
    <SubmitShipments>
      <MessageId>
        <xsl:choose>
          <xsl:when test="normalize-space($message-id) != ''"><xsl:value-of select="normalize-space($message-id)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('OAG-', normalize-space($control/SENDER/REFERENCEID))"/></xsl:otherwise>
        </xsl:choose>
      </MessageId>
      <SentAt>
        <xsl:choose>
          <xsl:when test="normalize-space($sent-at) != ''"><xsl:value-of select="normalize-space($sent-at)"/></xsl:when>
          <xsl:otherwise>
            <xsl:apply-templates select="$control/DATETIME[@qualifier = 'CREATION'][1]"/>
          </xsl:otherwise>
        </xsl:choose>
      </SentAt>
      <SourceSystem>
        <xsl:choose>
          <xsl:when test="normalize-space($source-system) != ''"><xsl:value-of select="normalize-space($source-system)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($control/SENDER/LOGICALID)"/></xsl:otherwise>
        </xsl:choose>
      </SourceSystem>
      <Shipments>
        <xsl:apply-templates select="DATAAREA/SHOW_SHIPMENT"/>
      </Shipments>
    </SubmitShipments>
  </xsl:template>

  <xsl:template match="SHOW_SHIPMENT">
    <xsl:variable name="shipment" select="SHIPMENT[1]"/>
    <xsl:variable name="delivery" select="normalize-space($shipment/DOCUMENTID)"/>
    <xsl:variable name="channel" select="normalize-space($default-channel)"/>
    <xsl:variable name="reference" select="($shipment/DOCUMNTREF | SHIPUNIT/INVITEM/DOCUMNTREF | $shipment/SHIPITEM/DOCUMNTREF)[normalize-space(DOCTYPE) = $order-reference-type][normalize-space(DOCUMENTID) != '']"/>
    <xsl:variable name="order">
      <xsl:choose>
        <xsl:when test="$shipment/DOCUMNTREF[normalize-space(DOCTYPE) = $order-reference-type][normalize-space(DOCUMENTID) != '']">
          <xsl:value-of select="normalize-space($shipment/DOCUMNTREF[normalize-space(DOCTYPE) = $order-reference-type][normalize-space(DOCUMENTID) != ''][1]/DOCUMENTID)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($reference[1]/DOCUMENTID)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="shipped-at">
      <xsl:variable name="date" select="($shipment/DATETIME[@qualifier = 'ACTSHIP'] | $shipment/DATETIME[@qualifier = 'SHIP'] | $shipment/DATETIME[@qualifier = 'DOCUMENT'])[normalize-space(YEAR) != '']"/>
      <xsl:choose>
        <xsl:when test="$date[@qualifier = 'ACTSHIP']"><xsl:apply-templates select="$date[@qualifier = 'ACTSHIP'][1]"/></xsl:when>
        <xsl:when test="$date[@qualifier = 'SHIP']"><xsl:apply-templates select="$date[@qualifier = 'SHIP'][1]"/></xsl:when>
        <xsl:when test="$date"><xsl:apply-templates select="$date[1]"/></xsl:when>
        <xsl:when test="normalize-space($sent-at) != ''"><xsl:value-of select="normalize-space($sent-at)"/></xsl:when>
        <xsl:otherwise><xsl:apply-templates select="$control/DATETIME[@qualifier = 'CREATION'][1]"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:variable name="packed" select="SHIPUNIT[INVITEM]"/>
    <xsl:if test="$delivery = ''">
      <xsl:message terminate="yes">Shipment without a delivery name (SHIPMENT/DOCUMENTID).</xsl:message>
    </xsl:if>
    <xsl:if test="$order = ''">
      <xsl:message terminate="yes">Delivery <xsl:value-of select="$delivery"/>: no order number (no DOCUMNTREF with DOCTYPE <xsl:value-of select="$order-reference-type"/>).</xsl:message>
    </xsl:if>

    <xsl:choose>
      <xsl:when test="$packed">
        <xsl:for-each select="$packed[generate-id() = generate-id(key('unit-by-tracking', concat($id, '|', normalize-space(TRACKINGID)))[INVITEM][1])]">
          <xsl:variable name="carrier">
            <xsl:choose>
              <xsl:when test="normalize-space(CARRIER) != ''"><xsl:value-of select="normalize-space(CARRIER)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="normalize-space($shipment/CARRIER)"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:variable name="sequence">
            <xsl:choose>
              <xsl:when test="normalize-space(SHPUNITSEQ) != ''"><xsl:value-of select="normalize-space(SHPUNITSEQ)"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="count(preceding-sibling::SHIPUNIT) + 1"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <xsl:call-template name="shipment">
            <xsl:with-param name="channel" select="$channel"/>
            <xsl:with-param name="order" select="$order"/>
            <xsl:with-param name="shipment-id" select="concat($delivery, '-', $sequence)"/>
            <xsl:with-param name="carrier" select="$carrier"/>
            <xsl:with-param name="tracking" select="normalize-space(TRACKINGID)"/>
            <xsl:with-param name="shipped-at" select="$shipped-at"/>
            <xsl:with-param name="lines">
              <xsl:apply-templates select="key('unit-by-tracking', concat($id, '|', normalize-space(TRACKINGID)))/INVITEM"/>
            </xsl:with-param>
          </xsl:call-template>
        </xsl:for-each>
      </xsl:when>
      <xsl:otherwise>
        <xsl:variable name="carrier">
          <xsl:choose>
            <xsl:when test="normalize-space(SHIPUNIT[1]/CARRIER) != ''"><xsl:value-of select="normalize-space(SHIPUNIT[1]/CARRIER)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="normalize-space($shipment/CARRIER)"/></xsl:otherwise>
          </xsl:choose>
        </xsl:variable>
        <xsl:call-template name="shipment">
          <xsl:with-param name="channel" select="$channel"/>
          <xsl:with-param name="order" select="$order"/>
          <xsl:with-param name="shipment-id" select="$delivery"/>
          <xsl:with-param name="carrier" select="$carrier"/>
          <xsl:with-param name="tracking" select="normalize-space(SHIPUNIT[1]/TRACKINGID)"/>
          <xsl:with-param name="shipped-at" select="$shipped-at"/>
          <xsl:with-param name="lines">
            <xsl:apply-templates select="$shipment/SHIPITEM"/>
          </xsl:with-param>
        </xsl:call-template>
      </xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An item line (INVITEM of a ship unit, or SHIPITEM of the shipment): ITEM and its QUANTITY in whole units. -->
  <xsl:template match="INVITEM | SHIPITEM">
    <xsl:variable name="value" select="normalize-space(QUANTITY[1]/VALUE)"/>
    <xsl:variable name="decimals" select="number(normalize-space(QUANTITY[1]/NUMOFDEC))"/>
    <xsl:variable name="magnitude">
      <xsl:choose>
        <xsl:when test="contains($value, '.') or not($decimals &gt;= 1)"><xsl:value-of select="number($value)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="number($value) div number(substring('10000000000', 1, $decimals + 1))"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="normalize-space(QUANTITY[1]/SIGN) != '-' and $magnitude &gt;= 1 and normalize-space(ITEM) != ''">
      <Line>
        <Sku><xsl:value-of select="normalize-space(ITEM)"/></Sku>
        <Quantity><xsl:value-of select="floor($magnitude)"/></Quantity>
      </Line>
    </xsl:if>
  </xsl:template>

  <xsl:template name="shipment">
    <xsl:param name="channel"/>
    <xsl:param name="order"/>
    <xsl:param name="shipment-id"/>
    <xsl:param name="carrier"/>
    <xsl:param name="tracking"/>
    <xsl:param name="shipped-at"/>
    <xsl:param name="lines"/>
    <xsl:if test="$tracking = ''">
      <xsl:message terminate="yes">Shipment <xsl:value-of select="$shipment-id"/>: no tracking number (SHIPUNIT/TRACKINGID is empty).</xsl:message>
    </xsl:if>
    <xsl:if test="$carrier = ''">
      <xsl:message terminate="yes">Shipment <xsl:value-of select="$shipment-id"/>: no carrier (SHIPUNIT/CARRIER and SHIPMENT/CARRIER are empty).</xsl:message>
    </xsl:if>
    <xsl:if test="string($lines) = ''">
      <xsl:message terminate="yes">Shipment <xsl:value-of select="$shipment-id"/>: no line with an ITEM and a quantity of at least 1.</xsl:message>
    </xsl:if>
    <Shipment>
      <xsl:if test="$channel != ''">
        <Channel><xsl:value-of select="$channel"/></Channel>
      </xsl:if>
      <OrderNumber><xsl:value-of select="$order"/></OrderNumber>
      <ShipmentId><xsl:value-of select="$shipment-id"/></ShipmentId>
      <Carrier><xsl:value-of select="$carrier"/></Carrier>
      <TrackingNumber><xsl:value-of select="$tracking"/></TrackingNumber>
      <ShippedAt><xsl:value-of select="$shipped-at"/></ShippedAt>
      <Lines>
        <xsl:copy-of select="$lines"/>
      </Lines>
    </Shipment>
  </xsl:template>

  <!-- An OAGIS 7 DATETIME as an xs:dateTime: TIMEZONE -0800 becomes -08:00; without one, the time-zone parameter. -->
  <xsl:template match="DATETIME">
    <xsl:variable name="zone" select="normalize-space(TIMEZONE)"/>
    <xsl:variable name="offset">
      <xsl:choose>
        <xsl:when test="string-length($zone) = 5 and (starts-with($zone, '+') or starts-with($zone, '-'))">
          <xsl:value-of select="concat(substring($zone, 1, 3), ':', substring($zone, 4, 2))"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="$time-zone"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:value-of select="concat(format-number(YEAR, '0000'), '-', format-number(MONTH, '00'), '-', format-number(DAY, '00'), 'T', format-number(concat('0', normalize-space(HOUR)), '00'), ':', format-number(concat('0', normalize-space(MINUTE)), '00'), ':', format-number(concat('0', normalize-space(SECOND)), '00'), $offset)"/>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SHOW_SHIPMENT_005 document (without namespace), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
