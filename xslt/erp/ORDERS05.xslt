<?xml version="1.0" encoding="UTF-8"?>
<!--
  Canonical web order (ord:Order, wsdl/Orders.xsd) to SAP IDoc XML, basic type ORDERS05, for a route whose ERP takes
  sales orders as IDocs (SD inbound processing of ORDERS / ORDCHG). The result is the Document of one ReceiveOrder
  hand-over (wsdl/erp/ErpOrderReceiver.wsdl); wsdl/erp/ORDERS05.xsd describes the subset written here.

  Parameters:
    change-type           required: New | Update | Cancellation; anything else is rejected.
    message-id            the hand-over's MessageId; written to the control record's ARCKEY (external message id).
    sender-port           EDI_DC40 SNDPOR, default ERPBRIDGE      sender-partner    SNDPRN (type LS), default ERPBRIDGE
    receiver-port         EDI_DC40 RCVPOR, default SAPPRD         receiver-partner  RCVPRN (type LS), default PRDCLNT100
    client                EDI_DC40 MANDT; left out when not given (the receiving system's client applies)
    sales-org             E1EDK14 QUALF 008, default 1000         distribution-channel  QUALF 007, default 10
    division              E1EDK14 QUALF 006, default 00           order-type            QUALF 012, default TA (standard order)
    sold-to               customer number of the sold-to party (AG), also used for ship-to and bill-to; default
                          WEBSHOP, a one-time customer account the ERP keeps for web orders (names and addresses
                          travel in the partner segments and override the account's)
    unit                  ISO unit of every quantity, default PCE (SAP converts it to its own unit, e.g. ST)
    price-condition       item price condition type, default PR00     discount-condition  default RB00 (absolute discount)
    freight-condition     header freight condition type, default HD00
    custom-item-material  material for a line without SKU, default WEB-CUSTOM (see below)

  SAP conventions used (SAP's IDoc documentation for ORDERS05 and the SD inbound function modules):
  - Message type ORDERS creates a sales order; ORDCHG changes one. Update and Cancellation are sent as ORDCHG.
    SAP finds the order to change by the customer purchase order number, which is why E1EDK02 QUALF 001 (customer
    purchase order) carries the shop's OrderNumber on every hand-over (also E1EDK01 BELNR).
  - E1EDK01 ACTION (action code for the whole message): left out for New; 004 (changes in header and items) for
    Update, because every hand-over carries the whole current order; 001 (reverse entire document) for Cancellation.
  - E1EDP01 ACTION (item action): left out for New; 002 (item changed) for Update, 003 (item cancelled) for every
    item of a Cancellation and for an Update line whose quantity dropped to 0. A New skips lines of quantity 0.
  - Item numbers POSEX are 000010, 000020, ... by the line's position in the order (lines of quantity 0 keep their
    number), so the same line has the same number in every hand-over as long as the platform keeps its line order.
  - E1EDK14 qualifiers: 006 division, 007 distribution channel, 008 sales organization, 012 order type.
  - E1EDK03 IDDAT 012: document date (when the order was placed). Dates and times are written as the order gives
    them (the platform's local time), without conversion: SAP dates carry no time zone.
  - E1EDKA1 partners: AG sold-to (the customer's name; PlatformCustomerId as IHREZ, the partner's own reference),
    WE ship-to with the shipping address, RE bill-to with the billing address. Names are cut to SAP's 35 characters;
    a region is sent as REGIO only when it is a code of up to 3 characters. E-mail has no field in E1EDKA1 and is
    not sent.
  - E1EDKT1/E1EDKT2 header texts: text id ZWEB holds the Channel (the convention DELVRY07 maps read back from the
    delivery), text id 0001 the customer's Note in lines of 70 characters.
  - E1EDP19 QUALF 002: the material number (the vendor's, i.e. the ERP's own, material) = SKU, KTEXT the title
    (40 characters). A line without SKU (a custom item such as gift wrapping) is sent with the custom-item-material
    and its title, so that its amount stays on the order and the totals add up; the ERP prices it from the item.
  - Amounts: E1EDP01 VPREI unit price, NETWR the line total as the shop computed it (gross when the shop's prices
    include tax); E1EDP04 MWSBT the line tax; E1EDP05 the price condition (rate per unit and value) and, when there
    is one, the discount (ALCKZ -). E1EDP26 is an INVOIC segment, not part of ORDERS05, and is not used.
    Shipping is a header condition E1EDK05 (freight-condition) when above 0.
  - E1EDS01 totals: SUMID 001 number of items, 002 net document value (Total - Tax), 003 gross document value
    (Total), 005 sales tax total.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ord="urn:erpbridge:orders:v1"
    xmlns:mf="urn:erpbridge:map-functions"
    exclude-result-prefixes="ord mf">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="change-type"/>
  <xsl:param name="message-id"/>
  <xsl:param name="sender-port" select="'ERPBRIDGE'"/>
  <xsl:param name="sender-partner" select="'ERPBRIDGE'"/>
  <xsl:param name="receiver-port" select="'SAPPRD'"/>
  <xsl:param name="receiver-partner" select="'PRDCLNT100'"/>
  <xsl:param name="client"/>
  <xsl:param name="sales-org" select="'1000'"/>
  <xsl:param name="distribution-channel" select="'10'"/>
  <xsl:param name="division" select="'00'"/>
  <xsl:param name="order-type" select="'TA'"/>
  <xsl:param name="sold-to" select="'WEBSHOP'"/>
  <xsl:param name="unit" select="'PCE'"/>
  <xsl:param name="price-condition" select="'PR00'"/>
  <xsl:param name="discount-condition" select="'RB00'"/>
  <xsl:param name="freight-condition" select="'HD00'"/>
  <xsl:param name="custom-item-material" select="'WEB-CUSTOM'"/>

  <xsl:variable name="change" select="normalize-space($change-type)"/>
  <xsl:variable name="amount" select="'0.00##'"/>

  <xsl:template match="/">
    <xsl:if test="not($change = 'New' or $change = 'Update' or $change = 'Cancellation')">
      <xsl:message terminate="yes">change-type must be New, Update or Cancellation, not '<xsl:value-of select="$change-type"/>'.</xsl:message>
    </xsl:if>
    <xsl:if test="not(ord:Order)">
      <xsl:message terminate="yes">The input is not a canonical order (ord:Order in urn:erpbridge:orders:v1).</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="ord:Order"/>
  </xsl:template>

  <xsl:template match="ord:Order">
    <xsl:variable name="currency" select="normalize-space(ord:Currency)"/>
    <ORDERS05>
      <IDOC BEGIN="1">
        <EDI_DC40 SEGMENT="1">
          <TABNAM>EDI_DC40</TABNAM>
          <xsl:call-template name="field"><xsl:with-param name="name" select="'MANDT'"/><xsl:with-param name="value" select="$client"/></xsl:call-template>
          <DIRECT>2</DIRECT>
          <IDOCTYP>ORDERS05</IDOCTYP>
          <MESTYP>
            <xsl:choose>
              <xsl:when test="$change = 'New'">ORDERS</xsl:when>
              <xsl:otherwise>ORDCHG</xsl:otherwise>
            </xsl:choose>
          </MESTYP>
          <SNDPOR><xsl:value-of select="$sender-port"/></SNDPOR>
          <SNDPRT>LS</SNDPRT>
          <SNDPRN><xsl:value-of select="$sender-partner"/></SNDPRN>
          <RCVPOR><xsl:value-of select="$receiver-port"/></RCVPOR>
          <RCVPRT>LS</RCVPRT>
          <RCVPRN><xsl:value-of select="$receiver-partner"/></RCVPRN>
          <CREDAT><xsl:call-template name="date"><xsl:with-param name="value" select="ord:UpdatedAt"/></xsl:call-template></CREDAT>
          <CRETIM><xsl:call-template name="time"><xsl:with-param name="value" select="ord:UpdatedAt"/></xsl:call-template></CRETIM>
          <xsl:call-template name="field"><xsl:with-param name="name" select="'ARCKEY'"/><xsl:with-param name="value" select="$message-id"/></xsl:call-template>
        </EDI_DC40>
        <E1EDK01 SEGMENT="1">
          <xsl:choose>
            <xsl:when test="$change = 'Update'"><ACTION>004</ACTION></xsl:when>
            <xsl:when test="$change = 'Cancellation'"><ACTION>001</ACTION></xsl:when>
          </xsl:choose>
          <CURCY><xsl:value-of select="$currency"/></CURCY>
          <BELNR><xsl:value-of select="substring(normalize-space(ord:OrderNumber), 1, 35)"/></BELNR>
          <xsl:call-template name="field"><xsl:with-param name="name" select="'VSART_BEZ'"/><xsl:with-param name="value" select="substring(normalize-space(ord:ShippingMethod), 1, 20)"/></xsl:call-template>
        </E1EDK01>
        <xsl:call-template name="organization"><xsl:with-param name="qualifier" select="'006'"/><xsl:with-param name="value" select="$division"/></xsl:call-template>
        <xsl:call-template name="organization"><xsl:with-param name="qualifier" select="'007'"/><xsl:with-param name="value" select="$distribution-channel"/></xsl:call-template>
        <xsl:call-template name="organization"><xsl:with-param name="qualifier" select="'008'"/><xsl:with-param name="value" select="$sales-org"/></xsl:call-template>
        <xsl:call-template name="organization"><xsl:with-param name="qualifier" select="'012'"/><xsl:with-param name="value" select="$order-type"/></xsl:call-template>
        <E1EDK03 SEGMENT="1">
          <IDDAT>012</IDDAT>
          <DATUM><xsl:call-template name="date"><xsl:with-param name="value" select="ord:CreatedAt"/></xsl:call-template></DATUM>
          <UZEIT><xsl:call-template name="time"><xsl:with-param name="value" select="ord:CreatedAt"/></xsl:call-template></UZEIT>
        </E1EDK03>
        <xsl:if test="number(ord:Totals/ord:Shipping) &gt; 0">
          <E1EDK05 SEGMENT="1">
            <ALCKZ>+</ALCKZ>
            <KSCHL><xsl:value-of select="$freight-condition"/></KSCHL>
            <xsl:call-template name="field"><xsl:with-param name="name" select="'KOTXT'"/><xsl:with-param name="value" select="substring(normalize-space(ord:ShippingMethod), 1, 80)"/></xsl:call-template>
            <BETRG><xsl:value-of select="normalize-space(ord:Totals/ord:Shipping)"/></BETRG>
            <KOEIN><xsl:value-of select="$currency"/></KOEIN>
          </E1EDK05>
        </xsl:if>
        <E1EDKA1 SEGMENT="1">
          <PARVW>AG</PARVW>
          <PARTN><xsl:value-of select="$sold-to"/></PARTN>
          <xsl:call-template name="name">
            <xsl:with-param name="first" select="ord:Customer/ord:FirstName"/>
            <xsl:with-param name="last" select="ord:Customer/ord:LastName"/>
          </xsl:call-template>
          <xsl:call-template name="field"><xsl:with-param name="name" select="'TELF1'"/><xsl:with-param name="value" select="substring(normalize-space(ord:Customer/ord:Phone), 1, 25)"/></xsl:call-template>
          <xsl:call-template name="field"><xsl:with-param name="name" select="'IHREZ'"/><xsl:with-param name="value" select="substring(normalize-space(ord:Customer/ord:PlatformCustomerId), 1, 30)"/></xsl:call-template>
        </E1EDKA1>
        <xsl:apply-templates select="ord:ShippingAddress">
          <xsl:with-param name="function" select="'WE'"/>
        </xsl:apply-templates>
        <xsl:apply-templates select="ord:BillingAddress">
          <xsl:with-param name="function" select="'RE'"/>
        </xsl:apply-templates>
        <E1EDK02 SEGMENT="1">
          <QUALF>001</QUALF>
          <BELNR><xsl:value-of select="substring(normalize-space(ord:OrderNumber), 1, 35)"/></BELNR>
          <DATUM><xsl:call-template name="date"><xsl:with-param name="value" select="ord:CreatedAt"/></xsl:call-template></DATUM>
        </E1EDK02>
        <E1EDKT1 SEGMENT="1">
          <TDID>ZWEB</TDID>
          <E1EDKT2 SEGMENT="1">
            <TDLINE><xsl:value-of select="substring(normalize-space(ord:Channel), 1, 70)"/></TDLINE>
          </E1EDKT2>
        </E1EDKT1>
        <xsl:if test="normalize-space(ord:Note) != ''">
          <E1EDKT1 SEGMENT="1">
            <TDID>0001</TDID>
            <xsl:for-each select="mf:Chunks(normalize-space(ord:Note), 70)">
              <E1EDKT2 SEGMENT="1">
                <TDLINE><xsl:value-of select="."/></TDLINE>
              </E1EDKT2>
            </xsl:for-each>
          </E1EDKT1>
        </xsl:if>
        <xsl:for-each select="ord:Lines/ord:Line">
          <xsl:if test="not($change = 'New' and number(ord:Quantity) = 0)">
            <xsl:call-template name="item">
              <xsl:with-param name="number" select="position() * 10"/>
            </xsl:call-template>
          </xsl:if>
        </xsl:for-each>
        <E1EDS01 SEGMENT="1">
          <SUMID>001</SUMID>
          <SUMME>
            <xsl:choose>
              <xsl:when test="$change = 'New'"><xsl:value-of select="count(ord:Lines/ord:Line[number(ord:Quantity) &gt; 0])"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="count(ord:Lines/ord:Line)"/></xsl:otherwise>
            </xsl:choose>
          </SUMME>
        </E1EDS01>
        <E1EDS01 SEGMENT="1">
          <SUMID>002</SUMID>
          <SUMME><xsl:value-of select="format-number(ord:Totals/ord:Total - ord:Totals/ord:Tax, $amount)"/></SUMME>
          <WAERQ><xsl:value-of select="$currency"/></WAERQ>
        </E1EDS01>
        <E1EDS01 SEGMENT="1">
          <SUMID>003</SUMID>
          <SUMME><xsl:value-of select="normalize-space(ord:Totals/ord:Total)"/></SUMME>
          <WAERQ><xsl:value-of select="$currency"/></WAERQ>
        </E1EDS01>
        <E1EDS01 SEGMENT="1">
          <SUMID>005</SUMID>
          <SUMME><xsl:value-of select="normalize-space(ord:Totals/ord:Tax)"/></SUMME>
          <WAERQ><xsl:value-of select="$currency"/></WAERQ>
        </E1EDS01>
      </IDOC>
    </ORDERS05>
  </xsl:template>

  <xsl:template match="ord:ShippingAddress | ord:BillingAddress">
    <xsl:param name="function"/>
    <E1EDKA1 SEGMENT="1">
      <PARVW><xsl:value-of select="$function"/></PARVW>
      <PARTN><xsl:value-of select="$sold-to"/></PARTN>
      <xsl:call-template name="name">
        <xsl:with-param name="first" select="ord:FirstName"/>
        <xsl:with-param name="last" select="ord:LastName"/>
      </xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'NAME2'"/><xsl:with-param name="value" select="substring(normalize-space(ord:Company), 1, 35)"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'STRAS'"/><xsl:with-param name="value" select="substring(normalize-space(ord:Line1), 1, 35)"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'STRS2'"/><xsl:with-param name="value" select="substring(normalize-space(ord:Line2), 1, 35)"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'ORT01'"/><xsl:with-param name="value" select="substring(normalize-space(ord:City), 1, 35)"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'PSTLZ'"/><xsl:with-param name="value" select="substring(normalize-space(ord:PostalCode), 1, 9)"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'LAND1'"/><xsl:with-param name="value" select="normalize-space(ord:CountryCode)"/></xsl:call-template>
      <xsl:call-template name="field"><xsl:with-param name="name" select="'TELF1'"/><xsl:with-param name="value" select="substring(normalize-space(ord:Phone), 1, 25)"/></xsl:call-template>
      <xsl:if test="string-length(normalize-space(ord:Region)) &lt;= 3">
        <xsl:call-template name="field"><xsl:with-param name="name" select="'REGIO'"/><xsl:with-param name="value" select="normalize-space(ord:Region)"/></xsl:call-template>
      </xsl:if>
    </E1EDKA1>
  </xsl:template>

  <!-- One E1EDP01 item with its tax, conditions and material. -->
  <xsl:template name="item">
    <xsl:param name="number"/>
    <xsl:variable name="currency" select="normalize-space(../../ord:Currency)"/>
    <E1EDP01 SEGMENT="1">
      <POSEX><xsl:value-of select="format-number($number, '000000')"/></POSEX>
      <xsl:choose>
        <xsl:when test="$change = 'Cancellation' or ($change = 'Update' and number(ord:Quantity) = 0)"><ACTION>003</ACTION></xsl:when>
        <xsl:when test="$change = 'Update'"><ACTION>002</ACTION></xsl:when>
      </xsl:choose>
      <MENGE><xsl:value-of select="normalize-space(ord:Quantity)"/></MENGE>
      <MENEE><xsl:value-of select="$unit"/></MENEE>
      <VPREI><xsl:value-of select="normalize-space(ord:UnitPrice)"/></VPREI>
      <PEINH>1</PEINH>
      <NETWR><xsl:value-of select="normalize-space(ord:Total)"/></NETWR>
      <xsl:if test="number(ord:Tax) &gt; 0">
        <E1EDP04 SEGMENT="1">
          <MWSBT><xsl:value-of select="normalize-space(ord:Tax)"/></MWSBT>
        </E1EDP04>
      </xsl:if>
      <E1EDP05 SEGMENT="1">
        <ALCKZ>+</ALCKZ>
        <KSCHL><xsl:value-of select="$price-condition"/></KSCHL>
        <BETRG><xsl:value-of select="format-number(ord:Quantity * ord:UnitPrice, $amount)"/></BETRG>
        <KRATE><xsl:value-of select="normalize-space(ord:UnitPrice)"/></KRATE>
        <UPRBS>1</UPRBS>
        <MEAUN><xsl:value-of select="$unit"/></MEAUN>
        <KOEIN><xsl:value-of select="$currency"/></KOEIN>
      </E1EDP05>
      <xsl:if test="number(ord:Discount) &gt; 0">
        <E1EDP05 SEGMENT="1">
          <ALCKZ>-</ALCKZ>
          <KSCHL><xsl:value-of select="$discount-condition"/></KSCHL>
          <BETRG><xsl:value-of select="normalize-space(ord:Discount)"/></BETRG>
          <KOEIN><xsl:value-of select="$currency"/></KOEIN>
        </E1EDP05>
      </xsl:if>
      <E1EDP19 SEGMENT="1">
        <QUALF>002</QUALF>
        <IDTNR>
          <xsl:choose>
            <xsl:when test="normalize-space(ord:Sku) != ''"><xsl:value-of select="normalize-space(ord:Sku)"/></xsl:when>
            <xsl:otherwise><xsl:value-of select="$custom-item-material"/></xsl:otherwise>
          </xsl:choose>
        </IDTNR>
        <KTEXT><xsl:value-of select="substring(normalize-space(ord:Title), 1, 40)"/></KTEXT>
      </E1EDP19>
    </E1EDP01>
  </xsl:template>

  <xsl:template name="organization">
    <xsl:param name="qualifier"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <E1EDK14 SEGMENT="1">
        <QUALF><xsl:value-of select="$qualifier"/></QUALF>
        <ORGID><xsl:value-of select="normalize-space($value)"/></ORGID>
      </E1EDK14>
    </xsl:if>
  </xsl:template>

  <!-- NAME1 from first and last name, cut to SAP's 35 characters; left out when both are missing. -->
  <xsl:template name="name">
    <xsl:param name="first"/>
    <xsl:param name="last"/>
    <xsl:call-template name="field">
      <xsl:with-param name="name" select="'NAME1'"/>
      <xsl:with-param name="value" select="substring(normalize-space(concat($first, ' ', $last)), 1, 35)"/>
    </xsl:call-template>
  </xsl:template>

  <!-- An element only when it has a value: SAP reads an empty field as "clear it". -->
  <xsl:template name="field">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:element name="{$name}"><xsl:value-of select="normalize-space($value)"/></xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- yyyy-mm-ddThh:mm:ss... → yyyymmdd and hhmmss, as written. -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:value-of select="translate(substring(normalize-space($value), 1, 10), '-', '')"/>
  </xsl:template>

  <xsl:template name="time">
    <xsl:param name="value"/>
    <xsl:value-of select="translate(substring(normalize-space($value), 12, 8), ':', '')"/>
  </xsl:template>
</xsl:stylesheet>
