<?xml version="1.0" encoding="UTF-8"?>
<!--
  SAP material master IDoc MATMAS05 (XML form) to prd:SubmitProducts: one Product per E1MARAM, one or more IDOCs.

  Parameters: message-id, sent-at, source-system (from the SubmitDocument envelope; the control record's DOCNUM,
  CREDAT/CRETIM and SNDPRN stand in when they are missing); optional language (ISO, default EN) and
  sap-language (SAP one-letter key, default E) for texts; optional sales-organisation (VKORG) and
  distribution-channel (VTWEG): the sales data (E1MVKEM) whose status counts, default every one.
  - Sku: MATNR as SAP shows it to users (all-digit numbers without their leading zeros, "ALPHA" output); any other
    material number, non-ASCII characters included, is kept as it is.
  - Title: E1MAKTM MAKTX in the language asked for, else the first description, else the material number.
  - Description: the basic-data long text (E1MTXHM TDID GRUN, lines E1MTXLM) in that language, else the first
    one there is, lines joined as SAPscript formats them ('*' and '/' start a new line, '=' continues directly, blank continues with a space).
  - No Price and no Currency: a material master carries no sales price. The valuation segment E1MBEWM holds inventory
    cost (standard price STPRS, moving average VERPR), not what a shop sells at, and is ignored; sales prices come
    from condition records (COND_A). The channels' maps leave a store's price as it is when a product has none,
    and create a new product without a price as a draft that cannot be bought.
  - Status: deletion flag LVORM or message function 003 → archived; a blocked material → draft (a block can be
    lifted, so the product is kept): a cross-plant status MSTAE, a cross-distribution-chain status MSTAV, or a
    distribution-chain status VMSTA on the sales data that counts. Else active. The statuses' valid-from dates
    (MSTDE, MSTDV, VMSTD) are not read: a status is applied when it arrives.
  - Barcode: E1MARAM EAN11, else the EAN of the base unit's E1MARMM. Weight: gross weight BRGEW in GEWEI
    (ISO KGM/GRM/LBR/ONZ or SAP KG/G/LB/OZ) as kg, g, lb or oz; left out when zero or in another unit.
  - Numbers accept a decimal comma and SAP's trailing minus.
  - Attributes: material group MATKL and material type MTART.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:mf="urn:erpbridge:map-functions"
    xmlns="urn:erpbridge:products:v1"
    exclude-result-prefixes="mf">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="sent-at"/>
  <xsl:param name="source-system"/>
  <xsl:param name="language" select="'EN'"/>
  <xsl:param name="sap-language" select="'E'"/>
  <xsl:param name="sales-organisation"/>
  <xsl:param name="distribution-channel"/>

  <xsl:template match="/">
    <xsl:variable name="control" select="(//IDOC/EDI_DC40)[1]"/>
    <xsl:if test="not(//IDOC/E1MARAM)">
      <xsl:message terminate="yes">No material (E1MARAM) in the MATMAS05 document.</xsl:message>
    </xsl:if>
    <SubmitProducts>
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
      <Products>
        <xsl:apply-templates select="//IDOC/E1MARAM"/>
      </Products>
    </SubmitProducts>
  </xsl:template>

  <xsl:template match="E1MARAM">
    <xsl:variable name="sku">
      <xsl:value-of select="mf:AlphaOut(normalize-space(MATNR))"/>
    </xsl:variable>
    <xsl:variable name="texts" select="E1MAKTM[normalize-space(SPRAS_ISO) = $language or normalize-space(SPRAS) = $sap-language]"/>
    <xsl:variable name="basic-texts" select="E1MTXHM[normalize-space(TDID) = 'GRUN'][E1MTXLM]"/>
    <xsl:variable name="long-text" select="($basic-texts[normalize-space(SPRAS_ISO) = $language or normalize-space(TDSPRAS) = $sap-language] | $basic-texts[not($basic-texts[normalize-space(SPRAS_ISO) = $language or normalize-space(TDSPRAS) = $sap-language])])[1]"/>
    <xsl:variable name="sales" select="E1MVKEM[normalize-space($sales-organisation) = '' or normalize-space(VKORG) = normalize-space($sales-organisation)][normalize-space($distribution-channel) = '' or normalize-space(VTWEG) = normalize-space($distribution-channel)]"/>
    <Product>
      <Sku><xsl:value-of select="$sku"/></Sku>
      <Title>
        <xsl:choose>
          <xsl:when test="normalize-space($texts[1]/MAKTX) != ''"><xsl:value-of select="normalize-space($texts[1]/MAKTX)"/></xsl:when>
          <xsl:when test="normalize-space(E1MAKTM[normalize-space(MAKTX) != ''][1]/MAKTX) != ''"><xsl:value-of select="normalize-space(E1MAKTM[normalize-space(MAKTX) != ''][1]/MAKTX)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$sku"/></xsl:otherwise>
        </xsl:choose>
      </Title>
      <xsl:if test="$long-text/E1MTXLM">
        <Description>
          <xsl:for-each select="$long-text/E1MTXLM">
            <xsl:if test="position() &gt; 1">
              <xsl:choose>
                <xsl:when test="TDFORMAT = '*' or TDFORMAT = '/'"><xsl:text>&#10;</xsl:text></xsl:when>
                <xsl:when test="TDFORMAT = '='"/>
                <xsl:otherwise><xsl:text> </xsl:text></xsl:otherwise>
              </xsl:choose>
            </xsl:if>
            <xsl:value-of select="TDLINE"/>
          </xsl:for-each>
        </Description>
      </xsl:if>
      <Status>
        <xsl:choose>
          <xsl:when test="normalize-space(LVORM) != '' or normalize-space(MSGFN) = '003'">archived</xsl:when>
          <xsl:when test="normalize-space(MSTAE) != '' or normalize-space(MSTAV) != '' or $sales[normalize-space(VMSTA) != '']">draft</xsl:when>
          <xsl:otherwise>active</xsl:otherwise>
        </xsl:choose>
      </Status>
      <xsl:variable name="ean">
        <xsl:choose>
          <xsl:when test="normalize-space(EAN11) != ''"><xsl:value-of select="normalize-space(EAN11)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(E1MARMM[normalize-space(MEINH) = normalize-space(current()/MEINS)][1]/EAN11)"/></xsl:otherwise>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="$ean != ''">
        <Barcode><xsl:value-of select="$ean"/></Barcode>
      </xsl:if>
      <xsl:variable name="weight">
        <xsl:call-template name="sap-number">
          <xsl:with-param name="value" select="BRGEW"/>
        </xsl:call-template>
      </xsl:variable>
      <xsl:variable name="weight-unit">
        <xsl:variable name="gewei" select="normalize-space(GEWEI)"/>
        <xsl:choose>
          <xsl:when test="$gewei = 'KGM' or $gewei = 'KG'">kg</xsl:when>
          <xsl:when test="$gewei = 'GRM' or $gewei = 'G'">g</xsl:when>
          <xsl:when test="$gewei = 'LBR' or $gewei = 'LB'">lb</xsl:when>
          <xsl:when test="$gewei = 'ONZ' or $gewei = 'OZ'">oz</xsl:when>
        </xsl:choose>
      </xsl:variable>
      <xsl:if test="$weight &gt; 0 and $weight-unit != ''">
        <Weight unit="{$weight-unit}"><xsl:value-of select="format-number($weight, '0.###')"/></Weight>
      </xsl:if>
      <xsl:if test="normalize-space(MATKL) != '' or normalize-space(MTART) != ''">
        <Attributes>
          <xsl:if test="normalize-space(MATKL) != ''">
            <Attribute><Name>Material group</Name><Value><xsl:value-of select="normalize-space(MATKL)"/></Value></Attribute>
          </xsl:if>
          <xsl:if test="normalize-space(MTART) != ''">
            <Attribute><Name>Material type</Name><Value><xsl:value-of select="normalize-space(MTART)"/></Value></Attribute>
          </xsl:if>
        </Attributes>
      </xsl:if>
    </Product>
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
