<?xml version="1.0" encoding="UTF-8"?>
<!--
  SAP outbound delivery IDoc DELVRY07 (XML form) to ship:SubmitShipments: one Shipment per delivery header
  E1EDL20 (a document may hold several IDOCs).

  Parameters: message-id, sent-at, source-system (from the SubmitDocument envelope; the control record's DOCNUM,
  CREDAT/CRETIM and SNDPRN stand in when they are missing); default-channel (optional, see Channel);
  time-zone (optional, default Z): the offset of SAP's local dates and times, e.g. +01:00.

  Where the fields come from, and the conventions where SAP has no field:
  - Channel: SAP knows no web channel. Optional convention: a delivery header text (E1TXTH8) with text id ZWEB whose
    first line (E1TXTP8 TDLINE) names the channel, copied from the sales order's header text of that id; else the
    default-channel parameter; else no Channel, and the bridge sends the shipment to the channel of the order it
    fetched with that OrderNumber (refused at intake when it knows no such order, or orders of two channels carry it).
  - OrderNumber: the shop's order number, which the sales order keeps as the customer purchase order number:
    the first item's E1EDL41 (QUALI 001) BSTNR; else the SAP sales order number (E1EDL43 QUALF C, BELNR). A delivery
    whose items name two different purchase order numbers is rejected: its shipments could not say whose they are.
  - Shipments: one per tracking number. A handling unit (E1EDL37) that holds delivery items (E1EDL44 with VELIN 1)
    and has its own tracking number in EXIDV2 becomes a shipment of its own, ShipmentId "{VBELN}-{EXIDV}", with the
    quantities packed in it (VEMNG); handling units sharing an EXIDV2 make one shipment. What remains (handling units
    without EXIDV2, and item quantities no handling unit holds) is one shipment under the delivery's tracking number,
    ShipmentId VBELN. A delivery without handling units is one shipment, as before. Nested handling units (VELIN 3)
    are not followed: the units that hold the items are the parcels.
  - Carrier: the forwarding agent partner (E1ADRM1 PARTNER_Q SP) NAME1, else its partner number. The delivery's
    tracking number: the bill of lading BOLNR, else the means-of-transport id TRAID; needed only when something ships
    under it.
  - ShippedAt: actual goods issue (E1EDT13 QUALF 006, ISDD/ISDZ), else its planned date (NTANF/NTANZ), else sent-at;
    the same for every shipment of a delivery.
  - Lines: items (E1EDL24) with a delivered quantity LFIMG of at least 1, as whole units; a batch-split sub-item
    (UECHA set) counts only when its main item carries no quantity of its own, so nothing is counted twice. A handling
    unit may hold the main item or its batch-split sub-items; what it holds of either is taken off the main item's
    unpacked rest. The same SKU may appear on several lines of a shipment (a batch split); the outbound maps add them
    up. A shipment with no line of at least 1 unit is rejected. Packed quantities (VEMNG) are summed as XPath numbers,
    so they must be written with a decimal point, as SAP writes IDoc XML.
  - Material numbers and SAP document numbers are shown as SAP shows them (ALPHA output).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:mf="urn:erpbridge:map-functions"
    xmlns="urn:erpbridge:shipments:v1"
    exclude-result-prefixes="mf">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="sent-at"/>
  <xsl:param name="source-system"/>
  <xsl:param name="default-channel"/>
  <xsl:param name="time-zone" select="'Z'"/>

  <!-- Items of one delivery by item number, for finding a batch-split sub-item's main item. -->
  <xsl:key name="item" match="E1EDL24" use="concat(generate-id(..), '|', number(POSNR))"/>
  <!-- Batch-split sub-items of one delivery by their main item's number. -->
  <xsl:key name="sub-item" match="E1EDL24" use="concat(generate-id(..), '|', number(UECHA))"/>
  <!-- Handling units of one delivery by their tracking number (EXIDV2). -->
  <xsl:key name="unit-by-tracking" match="E1EDL37" use="concat(generate-id(..), '|', normalize-space(EXIDV2))"/>
  <!-- Packed delivery items by item number (filtered to their delivery where used). -->
  <xsl:key name="packed" match="E1EDL44" use="normalize-space(POSNR)"/>

  <xsl:template match="/">
    <xsl:if test="not(//IDOC/E1EDL20)">
      <xsl:message terminate="yes">No delivery (E1EDL20) in the DELVRY07 document.</xsl:message>
    </xsl:if>
    <SubmitShipments>
    <xsl:variable name="control" select="(//IDOC/EDI_DC40)[1]"/>
      <MessageId>
        <xsl:choose>
          <xsl:when test="normalize-space($message-id) != ''"><xsl:value-of select="normalize-space($message-id)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="concat('IDOC-', normalize-space($control/DOCNUM))"/></xsl:otherwise>
        </xsl:choose>
      </MessageId>
      <SentAt>
        <xsl:choose>
          <xsl:when test="normalize-space($sent-at) != ''"><xsl:value-of select="normalize-space($sent-at)"/></xsl:when>
          <xsl:otherwise>
            <xsl:call-template name="sap-date-time">
              <xsl:with-param name="date" select="$control/CREDAT"/>
              <xsl:with-param name="time" select="$control/CRETIM"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </SentAt>
      <SourceSystem>
        <xsl:choose>
          <xsl:when test="normalize-space($source-system) != ''"><xsl:value-of select="normalize-space($source-system)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($control/SNDPRN)"/></xsl:otherwise>
        </xsl:choose>
      </SourceSystem>
      <Shipments>
        <xsl:apply-templates select="//IDOC/E1EDL20"/>
      </Shipments>
    </SubmitShipments>
  </xsl:template>

  <xsl:template match="E1EDL20">
    <xsl:variable name="delivery">
      <xsl:value-of select="mf:AlphaOut(normalize-space(VBELN))"/>
    </xsl:variable>
    <xsl:variable name="channel">
      <xsl:choose>
        <xsl:when test="normalize-space(E1TXTH8[normalize-space(TDID) = 'ZWEB']/E1TXTP8[1]/TDLINE) != ''">
          <xsl:value-of select="normalize-space(E1TXTH8[normalize-space(TDID) = 'ZWEB']/E1TXTP8[1]/TDLINE)"/>
        </xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space($default-channel)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="order">
      <xsl:choose>
        <xsl:when test="normalize-space(E1EDL24/E1EDL41[normalize-space(QUALI) = '001'][normalize-space(BSTNR) != ''][1]/BSTNR) != ''">
          <xsl:value-of select="normalize-space(E1EDL24/E1EDL41[normalize-space(QUALI) = '001'][normalize-space(BSTNR) != ''][1]/BSTNR)"/>
        </xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="mf:AlphaOut(normalize-space(E1EDL24/E1EDL43[normalize-space(QUALF) = 'C'][1]/BELNR))"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="other-order" select="E1EDL24/E1EDL41[normalize-space(QUALI) = '001'][normalize-space(BSTNR) != ''][normalize-space(BSTNR) != $order][1]/BSTNR"/>
    <xsl:variable name="agent" select="E1ADRM1[normalize-space(PARTNER_Q) = 'SP'][1]"/>
    <xsl:variable name="carrier">
      <xsl:choose>
        <xsl:when test="normalize-space($agent/NAME1) != ''"><xsl:value-of select="normalize-space($agent/NAME1)"/></xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="mf:AlphaOut(normalize-space($agent/PARTNER_ID))"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="tracking">
      <xsl:choose>
        <xsl:when test="normalize-space(BOLNR) != ''"><xsl:value-of select="normalize-space(BOLNR)"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="normalize-space(TRAID)"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="goods-issue" select="E1EDT13[normalize-space(QUALF) = '006'][1]"/>
    <xsl:variable name="shipped-at">
      <xsl:choose>
        <xsl:when test="translate(normalize-space($goods-issue/ISDD), '0', '') != ''">
          <xsl:call-template name="local-date-time">
            <xsl:with-param name="date" select="$goods-issue/ISDD"/>
            <xsl:with-param name="time" select="$goods-issue/ISDZ"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="translate(normalize-space($goods-issue/NTANF), '0', '') != ''">
          <xsl:call-template name="local-date-time">
            <xsl:with-param name="date" select="$goods-issue/NTANF"/>
            <xsl:with-param name="time" select="$goods-issue/NTANZ"/>
          </xsl:call-template>
        </xsl:when>
        <xsl:when test="normalize-space($sent-at) != ''"><xsl:value-of select="normalize-space($sent-at)"/></xsl:when>
        <xsl:otherwise>
          <xsl:variable name="control" select="ancestor::IDOC/EDI_DC40"/>
          <xsl:call-template name="sap-date-time">
            <xsl:with-param name="date" select="$control/CREDAT"/>
            <xsl:with-param name="time" select="$control/CRETIM"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="id" select="generate-id()"/>
    <xsl:variable name="lines" select="E1EDL24[not(number(UECHA) != 0 and key('item', concat(generate-id(..), '|', number(UECHA)))[translate(normalize-space(LFIMG), ',', '.') &gt;= 1])]"/>
    <!-- Handling units that hold delivery items themselves (a pallet holding only other handling units does not). -->
    <xsl:variable name="packed" select="E1EDL37[E1EDL44[normalize-space(VELIN) = '1' or normalize-space(VELIN) = '']]"/>
    <xsl:if test="$order = ''">
      <xsl:message terminate="yes">Delivery <xsl:value-of select="$delivery"/>: no order number (no E1EDL41 purchase order number and no E1EDL43 sales order reference).</xsl:message>
    </xsl:if>
    <xsl:if test="$other-order">
      <xsl:message terminate="yes">Delivery <xsl:value-of select="$delivery"/>: holds items of two purchase orders ('<xsl:value-of select="$order"/>' and '<xsl:value-of select="normalize-space($other-order)"/>'); a web order needs deliveries of its own (E1EDL41 BSTNR).</xsl:message>
    </xsl:if>
    <xsl:if test="$carrier = ''">
      <xsl:message terminate="yes">Delivery <xsl:value-of select="$delivery"/>: no carrier (no forwarding agent partner SP).</xsl:message>
    </xsl:if>

    <!-- One shipment per tracking number of its handling units (EXIDV2), in the order they come. -->
    <xsl:for-each select="$packed[normalize-space(EXIDV2) != ''][generate-id() = generate-id(key('unit-by-tracking', concat($id, '|', normalize-space(EXIDV2)))[E1EDL44[normalize-space(VELIN) = '1' or normalize-space(VELIN) = '']][1])]">
      <xsl:call-template name="shipment">
        <xsl:with-param name="channel" select="$channel"/>
        <xsl:with-param name="order" select="$order"/>
        <xsl:with-param name="shipment-id" select="concat($delivery, '-', mf:AlphaOut(normalize-space(EXIDV)))"/>
        <xsl:with-param name="carrier" select="$carrier"/>
        <xsl:with-param name="tracking" select="normalize-space(EXIDV2)"/>
        <xsl:with-param name="shipped-at" select="$shipped-at"/>
        <xsl:with-param name="lines">
          <xsl:apply-templates select="key('unit-by-tracking', concat($id, '|', normalize-space(EXIDV2)))/E1EDL44[normalize-space(VELIN) = '1' or normalize-space(VELIN) = '']" mode="packed-line"/>
        </xsl:with-param>
      </xsl:call-template>
    </xsl:for-each>

    <!-- The rest goes under the delivery's own tracking number: handling units without one, and what no handling unit holds. -->
    <xsl:variable name="rest">
      <xsl:apply-templates select="$packed[normalize-space(EXIDV2) = '']/E1EDL44[normalize-space(VELIN) = '1' or normalize-space(VELIN) = '']" mode="packed-line"/>
      <xsl:for-each select="$lines">
        <xsl:variable name="quantity">
          <xsl:call-template name="sap-number">
            <xsl:with-param name="value" select="LFIMG"/>
          </xsl:call-template>
        </xsl:variable>
        <!-- Packed is what handling units hold of this item and of its batch-split sub-items. -->
        <xsl:variable name="packed-quantity" select="sum(key('packed', (. | key('sub-item', concat($id, '|', number(POSNR))))/POSNR)[generate-id(ancestor::E1EDL20) = $id][normalize-space(VELIN) = '1' or normalize-space(VELIN) = '']/VEMNG)"/>
        <xsl:variable name="unpacked" select="floor($quantity - $packed-quantity)"/>
        <xsl:if test="$unpacked &gt;= 1">
          <Line>
            <Sku>
              <xsl:value-of select="mf:AlphaOut(normalize-space(MATNR))"/>
            </Sku>
            <Quantity><xsl:value-of select="$unpacked"/></Quantity>
          </Line>
        </xsl:if>
      </xsl:for-each>
    </xsl:variable>
    <xsl:if test="string($rest) != '' or not($packed)">
      <xsl:if test="$tracking = ''">
        <xsl:message terminate="yes">Delivery <xsl:value-of select="$delivery"/>: no tracking number (BOLNR and TRAID are empty<xsl:if test="$packed">, and not every handling unit has its own in EXIDV2</xsl:if>).</xsl:message>
      </xsl:if>
      <xsl:call-template name="shipment">
        <xsl:with-param name="channel" select="$channel"/>
        <xsl:with-param name="order" select="$order"/>
        <xsl:with-param name="shipment-id" select="$delivery"/>
        <xsl:with-param name="carrier" select="$carrier"/>
        <xsl:with-param name="tracking" select="$tracking"/>
        <xsl:with-param name="shipped-at" select="$shipped-at"/>
        <xsl:with-param name="lines" select="$rest"/>
      </xsl:call-template>
    </xsl:if>
  </xsl:template>

  <!-- A handling unit item (E1EDL44) of a delivery item: its material, else the delivery item's, and the packed quantity. -->
  <xsl:template match="E1EDL44" mode="packed-line">
    <xsl:variable name="quantity">
      <xsl:call-template name="sap-number">
        <xsl:with-param name="value" select="VEMNG"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="material">
      <xsl:choose>
        <xsl:when test="normalize-space(MATNR) != ''"><xsl:value-of select="normalize-space(MATNR)"/></xsl:when>
        <xsl:otherwise>
          <xsl:value-of select="normalize-space(key('item', concat(generate-id(ancestor::E1EDL20), '|', number(POSNR)))[1]/MATNR)"/>
        </xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="$quantity &gt;= 1 and $material != ''">
      <Line>
        <Sku><xsl:value-of select="mf:AlphaOut($material)"/></Sku>
        <Quantity><xsl:value-of select="floor($quantity)"/></Quantity>
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
    <xsl:if test="string($lines) = ''">
      <xsl:message terminate="yes">Delivery shipment <xsl:value-of select="$shipment-id"/>: no line with a quantity of at least 1.</xsl:message>
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

  <!-- SAP's local YYYYMMDD and HHMMSS as an xs:dateTime with the configured offset. -->
  <xsl:template name="local-date-time">
    <xsl:param name="date"/>
    <xsl:param name="time"/>
    <xsl:variable name="d" select="normalize-space($date)"/>
    <xsl:variable name="t" select="concat(normalize-space($time), '000000')"/>
    <xsl:value-of select="concat(substring($d, 1, 4), '-', substring($d, 5, 2), '-', substring($d, 7, 2), 'T', substring($t, 1, 2), ':', substring($t, 3, 2), ':', substring($t, 5, 2), $time-zone)"/>
  </xsl:template>

  <!-- An SAP number as XPath reads it: decimal comma to point, trailing minus to leading, blank to 0. -->
  <xsl:template name="sap-number">
    <xsl:param name="value"/>
    <xsl:variable name="text" select="translate(normalize-space($value), ', ', '.')"/>
    <xsl:choose>
      <xsl:when test="$text = ''">0</xsl:when>
      <xsl:when test="substring($text, string-length($text)) = '-'">
        <xsl:value-of select="concat('-', substring($text, 1, string-length($text) - 1))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- YYYYMMDD and HHMMSS as an xs:dateTime in UTC (the control record's time is the sending system's). -->
  <xsl:template name="sap-date-time">
    <xsl:param name="date"/>
    <xsl:param name="time"/>
    <xsl:variable name="t" select="concat(normalize-space($time), '000000')"/>
    <xsl:value-of select="concat(substring($date, 1, 4), '-', substring($date, 5, 2), '-', substring($date, 7, 2), 'T', substring($t, 1, 2), ':', substring($t, 3, 2), ':', substring($t, 5, 2), 'Z')"/>
  </xsl:template>
</xsl:stylesheet>
