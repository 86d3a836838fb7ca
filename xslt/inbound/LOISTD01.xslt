<?xml version="1.0" encoding="UTF-8"?>
<!--
  SAP stock/requirements list IDoc LOISTD01 (message type LOISTD, XML form) to inv:SubmitInventory.

  LOISTD01 carries absolute stock figures per material and plant in segment E1MDSTL (one IDoc per material-plant
  list; a document may hold several IDOCs). It is the stock IDoc of SAP's production optimization interface
  (POI), not a SAP Retail IDoc; it suits a shop feed because its figures are levels, not movements (goods
  movement IDocs such as WMMBID02 are relative and cannot set a level).
  - One Item per E1MDSTL: Sku = MATNR (ALPHA output, as SAP shows it), Location = plant WERKS,
    Quantity = LABST, the valuated stock with unrestricted use: what may be sold. Stock in quality inspection,
    blocked, restricted, in transit or consignment is not sellable and is left out.
  - Quantities are SAP CHAR fields: a decimal comma and a trailing minus are understood; fractions are cut to
    whole units; a negative level is sent as 0, since a shop cannot sell below zero.

  Parameters: message-id, sent-at, source-system (from the SubmitDocument envelope; the control record's DOCNUM,
  CREDAT/CRETIM and SNDPRN stand in when they are missing).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:mf="urn:erpbridge:map-functions"
    xmlns="urn:erpbridge:inventory:v1"
    exclude-result-prefixes="mf">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="sent-at"/>
  <xsl:param name="source-system"/>

  <xsl:template match="/">
    <xsl:if test="not(//IDOC/E1MDSTL)">
      <xsl:message terminate="yes">No stock segment (E1MDSTL) in the LOISTD01 document.</xsl:message>
    </xsl:if>
    <SubmitInventory>
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
      <Items>
        <xsl:apply-templates select="//IDOC/E1MDSTL"/>
      </Items>
    </SubmitInventory>
  </xsl:template>

  <xsl:template match="E1MDSTL">
    <xsl:variable name="stock">
      <xsl:call-template name="sap-number">
        <xsl:with-param name="value" select="LABST"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:if test="string(number($stock)) = 'NaN'">
      <xsl:message terminate="yes">Material <xsl:value-of select="normalize-space(MATNR)"/> plant <xsl:value-of select="normalize-space(WERKS)"/>: LABST '<xsl:value-of select="LABST"/>' is not a quantity.</xsl:message>
    </xsl:if>
    <Item>
      <Sku>
        <xsl:value-of select="mf:AlphaOut(normalize-space(MATNR))"/>
      </Sku>
      <Location><xsl:value-of select="normalize-space(WERKS)"/></Location>
      <Quantity>
        <xsl:choose>
          <xsl:when test="$stock &gt; 0"><xsl:value-of select="floor($stock)"/></xsl:when>
          <xsl:otherwise>0</xsl:otherwise>
        </xsl:choose>
      </Quantity>
    </Item>
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
