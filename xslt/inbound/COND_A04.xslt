<?xml version="1.0" encoding="UTF-8"?>
<!--
  SAP condition records IDoc COND_A04 (message type COND_A, XML form) to prc:Prices. COND_A03 has the same
  segments and fields for what this map reads and is configured with this map too.

  A COND_A IDoc holds one condition key (E1KOMG: application, condition type, condition table, the key fields such as
  sales organisation VKORG, distribution channel VTWEG and material MATNR) with its validity periods (E1KONH: DATAB
  to DATBI, record number KNUMH), each with its condition items (E1KONP: condition type KSCHL, rate KBETR, rate unit
  KONWA, price unit KPEIN in unit KMEIN). A document may hold several IDOCs.
  - One Price per E1KONP: Sku = MATNR of its E1KOMG (ALPHA output, as SAP shows it); ConditionType = E1KONP's KSCHL
    (else E1KOMG's); SalesOrganization / DistributionChannel = VKORG / VTWEG; ValidFrom / ValidTo = DATAB / DATBI
    (99991231 = no end; a missing DATBI is no end); Rate = KBETR, PriceUnit = KPEIN (1 when blank or 0), Unit = KMEIN;
    Amount = the price of one unit, KBETR / KPEIN rounded to 4 decimals (1299.00 per 100 ST is 12.99).
  - Every condition type is mapped: which are sales prices is configuration (ErpBridge:Prices:SalesConditionTypes),
    decided per channel at delivery. Scales (E1KONM, E1KONW) are not read: the rate is the scale's base rate.
  - A condition key without a material or without a sales area (VKORG and VTWEG) is no shop price and is left out;
    a document with no condition item left is rejected.
  - Rates are SAP CHAR fields: a decimal comma and a trailing minus are understood.

  Parameters: message-id, sent-at, source-system (from the SubmitDocument envelope; the control record's DOCNUM,
  CREDAT/CRETIM and SNDPRN stand in when they are missing).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:mf="urn:erpbridge:map-functions"
    xmlns="urn:erpbridge:prices:v1"
    exclude-result-prefixes="mf">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="sent-at"/>
  <xsl:param name="source-system"/>

  <xsl:variable name="items" select="//IDOC/E1KOMG[normalize-space(MATNR) != '' and normalize-space(VKORG) != '' and normalize-space(VTWEG) != '']/E1KONH/E1KONP"/>

  <xsl:template match="/">
    <xsl:if test="not(//IDOC/E1KOMG/E1KONH/E1KONP)">
      <xsl:message terminate="yes">No condition item (E1KOMG/E1KONH/E1KONP) in the COND_A document.</xsl:message>
    </xsl:if>
    <xsl:if test="not($items)">
      <xsl:message terminate="yes">No condition record in the COND_A document has a material (MATNR) and a sales area (VKORG, VTWEG): none is a shop price.</xsl:message>
    </xsl:if>
    <xsl:variable name="control" select="(//IDOC/EDI_DC40)[1]"/>
    <Prices>
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
            <xsl:variable name="t" select="concat(normalize-space($control/CRETIM), '000000')"/>
            <xsl:variable name="d" select="normalize-space($control/CREDAT)"/>
            <xsl:value-of select="concat(substring($d, 1, 4), '-', substring($d, 5, 2), '-', substring($d, 7, 2), 'T', substring($t, 1, 2), ':', substring($t, 3, 2), ':', substring($t, 5, 2), 'Z')"/>
          </xsl:otherwise>
        </xsl:choose>
      </SentAt>
      <SourceSystem>
        <xsl:choose>
          <xsl:when test="normalize-space($source-system) != ''"><xsl:value-of select="normalize-space($source-system)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($control/SNDPRN)"/></xsl:otherwise>
        </xsl:choose>
      </SourceSystem>
      <Conditions>
        <xsl:apply-templates select="$items"/>
      </Conditions>
    </Prices>
  </xsl:template>

  <xsl:template match="E1KONP">
    <xsl:variable name="key" select="../.."/>
    <xsl:variable name="sku" select="mf:AlphaOut(normalize-space($key/MATNR))"/>
    <xsl:variable name="rate">
      <xsl:call-template name="sap-number">
        <xsl:with-param name="value" select="KBETR"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="unit-text">
      <xsl:call-template name="sap-number">
        <xsl:with-param name="value" select="KPEIN"/>
      </xsl:call-template>
    </xsl:variable>
    <xsl:variable name="per">
      <xsl:choose>
        <xsl:when test="number($unit-text) &gt; 0"><xsl:value-of select="number($unit-text)"/></xsl:when>
        <xsl:otherwise>1</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="string(number($rate)) = 'NaN'">
      <xsl:message terminate="yes">Material <xsl:value-of select="$sku"/>: KBETR '<xsl:value-of select="KBETR"/>' is not an amount.</xsl:message>
    </xsl:if>
    <xsl:if test="normalize-space(KONWA) = ''">
      <xsl:message terminate="yes">Material <xsl:value-of select="$sku"/> condition <xsl:value-of select="normalize-space(KSCHL)"/>: no rate unit (KONWA).</xsl:message>
    </xsl:if>
    <xsl:if test="string-length(normalize-space(../DATAB)) != 8 or string(number(../DATAB)) = 'NaN'">
      <xsl:message terminate="yes">Material <xsl:value-of select="$sku"/>: valid-from date DATAB '<xsl:value-of select="../DATAB"/>' is not YYYYMMDD.</xsl:message>
    </xsl:if>
    <Price>
      <Sku><xsl:value-of select="$sku"/></Sku>
      <Amount><xsl:value-of select="format-number(number($rate) div number($per), '0.####')"/></Amount>
      <Currency><xsl:value-of select="normalize-space(KONWA)"/></Currency>
      <Rate><xsl:value-of select="number($rate)"/></Rate>
      <PriceUnit><xsl:value-of select="$per"/></PriceUnit>
      <xsl:if test="normalize-space(KMEIN) != ''">
        <Unit><xsl:value-of select="normalize-space(KMEIN)"/></Unit>
      </xsl:if>
      <xsl:variable name="from" select="normalize-space(../DATAB)"/>
      <ValidFrom><xsl:value-of select="concat(substring($from, 1, 4), '-', substring($from, 5, 2), '-', substring($from, 7, 2))"/></ValidFrom>
      <ValidTo>
        <xsl:choose>
          <xsl:when test="string-length(normalize-space(../DATBI)) = 8">
            <xsl:variable name="to" select="normalize-space(../DATBI)"/>
            <xsl:value-of select="concat(substring($to, 1, 4), '-', substring($to, 5, 2), '-', substring($to, 7, 2))"/>
          </xsl:when>
          <xsl:otherwise>9999-12-31</xsl:otherwise>
        </xsl:choose>
      </ValidTo>
      <ConditionType>
        <xsl:choose>
          <xsl:when test="normalize-space(KSCHL) != ''"><xsl:value-of select="normalize-space(KSCHL)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space($key/KSCHL)"/></xsl:otherwise>
        </xsl:choose>
      </ConditionType>
      <SalesOrganization><xsl:value-of select="normalize-space($key/VKORG)"/></SalesOrganization>
      <DistributionChannel><xsl:value-of select="normalize-space($key/VTWEG)"/></DistributionChannel>
      <xsl:if test="normalize-space(../KNUMH) != ''">
        <ConditionRecord><xsl:value-of select="normalize-space(../KNUMH)"/></ConditionRecord>
      </xsl:if>
    </Price>
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
</xsl:stylesheet>
