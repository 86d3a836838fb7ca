<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical product master data (prd:SubmitProducts) to a Zoho Inventory request plan, SKU as the key. Per product
  two conditional calls, exactly one of which runs: POST items when no item has the SKU (if="missing"), PUT
  items/{id} when one does (if="found"; id is the item's, resolved by SKU with GET items?sku=).

  Parameters: message-id, channel, idempotency-key (unused: the look-up by SKU before create keeps a retry from
  creating twice, and Zoho refuses a second item with the same SKU).
  - Both send name (Zoho's limit: 100 characters), sku, description (plain text, cut to 2,000 characters), and rate
    (the sales price) when the message has a Price; an item without a price keeps (or gets) none.
  - Create also sends product_type "goods" and item_type "inventory", so that Zoho tracks the item's stock.
  - Update sends status: "active" for an active product, "inactive" otherwise (Zoho has no draft).
  - A 13-digit barcode not starting with 0 is sent as ean: the contract types ean as an integer, which would lose a
    leading zero; other barcodes are not sent.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:prd="urn:erpbridge:products:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:plan="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="prd">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="prd:SubmitProducts prd:Products prd:Product prd:Attributes prd:Attribute"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <xsl:template match="/prd:SubmitProducts">
    <plan>
      <xsl:apply-templates select="prd:Products/prd:Product"/>
    </plan>
  </xsl:template>

  <xsl:template match="prd:Product">
    <xsl:variable name="sku" select="normalize-space(prd:Sku)"/>
    <call id="create-{position()}" method="POST" path="items" if="missing" if-ref="item" if-key="{$sku}">
      <body>
        <fn:map>
          <xsl:call-template name="fields"/>
          <fn:string key="product_type">goods</fn:string>
          <fn:string key="item_type">inventory</fn:string>
        </fn:map>
      </body>
    </call>
    <call id="update-{position()}" method="PUT" path="items/{{id}}" if="found" if-ref="item" if-key="{$sku}">
      <path-param name="id" ref="item" key="{$sku}"/>
      <body>
        <fn:map>
          <xsl:call-template name="fields"/>
          <fn:string key="status">
            <xsl:choose>
              <xsl:when test="normalize-space(prd:Status) = 'active'">active</xsl:when>
              <xsl:otherwise>inactive</xsl:otherwise>
            </xsl:choose>
          </fn:string>
        </fn:map>
      </body>
    </call>
  </xsl:template>

  <xsl:template name="fields">
    <xsl:variable name="barcode" select="normalize-space(prd:Barcode)"/>
    <fn:string key="name"><xsl:value-of select="substring(normalize-space(prd:Title), 1, 100)"/></fn:string>
    <fn:string key="sku"><xsl:value-of select="normalize-space(prd:Sku)"/></fn:string>
    <xsl:if test="prd:Price">
      <fn:number key="rate"><xsl:value-of select="number(translate(normalize-space(prd:Price), '+', ''))"/></fn:number>
    </xsl:if>
    <xsl:if test="prd:Description">
      <fn:string key="description"><xsl:value-of select="substring(prd:Description, 1, 2000)"/></fn:string>
    </xsl:if>
    <xsl:if test="string-length($barcode) = 13 and translate($barcode, '0123456789', '') = '' and not(starts-with($barcode, '0'))">
      <fn:number key="ean"><xsl:value-of select="$barcode"/></fn:number>
    </xsl:if>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a SubmitProducts message (urn:erpbridge:products:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
