<?xml version="1.0" encoding="UTF-8"?>
<!--
  A WooCommerce order (REST wc/v3 order object, rendered as JSON-as-XML with root fn:map) to the canonical ord:Order.
  The connector passes the order object exactly as GET orders returns it: it already holds line_items, billing,
  shipping, shipping_lines, tax_lines, fee_lines, coupon_lines and refunds, so no key is added.

  Keys read: id, number, status, currency, prices_include_tax, date_created_gmt, date_modified_gmt, date_paid_gmt,
  customer_id, customer_note, billing{first_name, last_name, company, address_1, address_2, city, state, postcode,
  country, email, phone}, shipping{... phone}, shipping_lines[].method_title, line_items[]{id, sku, name, quantity,
  subtotal, subtotal_tax, total, total_tax}, discount_total, discount_tax, shipping_total, shipping_tax, total_tax,
  total, refunds[]. The *_gmt dates are UTC without offset; a Z is added.

  Status (PlatformStatus keeps WooCommerce's own):
    pending, processing, on-hold, checkout-draft, and custom statuses -> Open
    completed -> Completed;  cancelled, failed -> Cancelled;  refunded -> Refunded
  PaymentStatus, first match wins:
    status refunded -> Refunded;  any refund on the order -> PartiallyRefunded;  date_paid_gmt set -> Paid;
    status cancelled or failed -> Voided;  otherwise (awaiting payment, cash on delivery) -> Pending

  Money. WooCommerce keeps line subtotal (before coupons) and total (after) without tax, with their taxes beside them,
  whatever prices_include_tax says; TaxesIncluded is prices_include_tax, and amounts are given the way it says:
  - without tax included: UnitPrice = subtotal / quantity, Discount = subtotal - total, Tax = total_tax, Total = total;
    Totals: Subtotal = sum of line subtotals, Shipping = shipping_total, Discount = discount_total, Tax = total_tax.
  - with tax included: UnitPrice = (subtotal + subtotal_tax) / quantity, Discount = (subtotal + subtotal_tax) - (total +
    total_tax), Total = total + total_tax (Tax the same); Totals: Subtotal and Shipping and Discount with their taxes.
  Totals.Total is the order's total, what the customer pays (fees included). UnitPrice is rounded to 4 decimals.
  Customer: customer_id (absent when 0, a guest), the billing e-mail, names and phone. An address with no field filled
  in is left out, as is every empty field. ShippingMethod joins the shipping lines' titles with ", ".
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns="urn:erpbridge:orders:v1"
    exclude-result-prefixes="fn">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="channel"/>

  <xsl:template match="/fn:map">
    <xsl:variable name="status" select="string(fn:string[@key='status'])"/>
    <xsl:variable name="included" select="fn:boolean[@key='prices_include_tax'] = 'true'"/>
    <xsl:variable name="lines" select="fn:array[@key='line_items']/fn:map"/>
    <Order>
      <Channel><xsl:value-of select="$channel"/></Channel>
      <PlatformOrderId><xsl:value-of select="fn:number[@key='id']"/></PlatformOrderId>
      <OrderNumber>
        <xsl:choose>
          <xsl:when test="normalize-space(fn:string[@key='number']) != ''"><xsl:value-of select="normalize-space(fn:string[@key='number'])"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="fn:number[@key='id']"/></xsl:otherwise>
        </xsl:choose>
      </OrderNumber>
      <CreatedAt><xsl:call-template name="utc"><xsl:with-param name="value" select="fn:string[@key='date_created_gmt']"/></xsl:call-template></CreatedAt>
      <UpdatedAt><xsl:call-template name="utc"><xsl:with-param name="value" select="fn:string[@key='date_modified_gmt']"/></xsl:call-template></UpdatedAt>
      <Status>
        <xsl:choose>
          <xsl:when test="$status = 'completed'">Completed</xsl:when>
          <xsl:when test="$status = 'cancelled' or $status = 'failed'">Cancelled</xsl:when>
          <xsl:when test="$status = 'refunded'">Refunded</xsl:when>
          <xsl:otherwise>Open</xsl:otherwise>
        </xsl:choose>
      </Status>
      <PlatformStatus><xsl:value-of select="$status"/></PlatformStatus>
      <PaymentStatus>
        <xsl:choose>
          <xsl:when test="$status = 'refunded'">Refunded</xsl:when>
          <xsl:when test="fn:array[@key='refunds']/fn:map">PartiallyRefunded</xsl:when>
          <xsl:when test="normalize-space(fn:string[@key='date_paid_gmt']) != ''">Paid</xsl:when>
          <xsl:when test="$status = 'cancelled' or $status = 'failed'">Voided</xsl:when>
          <xsl:otherwise>Pending</xsl:otherwise>
        </xsl:choose>
      </PaymentStatus>
      <Currency><xsl:value-of select="fn:string[@key='currency']"/></Currency>
      <TaxesIncluded><xsl:value-of select="$included"/></TaxesIncluded>
      <Customer>
        <xsl:if test="number(fn:number[@key='customer_id']) &gt; 0">
          <PlatformCustomerId><xsl:value-of select="fn:number[@key='customer_id']"/></PlatformCustomerId>
        </xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Email'"/><xsl:with-param name="value" select="fn:map[@key='billing']/fn:string[@key='email']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="fn:map[@key='billing']/fn:string[@key='first_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="fn:map[@key='billing']/fn:string[@key='last_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="fn:map[@key='billing']/fn:string[@key='phone']"/></xsl:call-template>
      </Customer>
      <xsl:apply-templates select="fn:map[@key='billing']" mode="address"><xsl:with-param name="name" select="'BillingAddress'"/></xsl:apply-templates>
      <xsl:apply-templates select="fn:map[@key='shipping']" mode="address"><xsl:with-param name="name" select="'ShippingAddress'"/></xsl:apply-templates>
      <xsl:if test="fn:array[@key='shipping_lines']/fn:map/fn:string[@key='method_title'][normalize-space() != '']">
        <ShippingMethod>
          <xsl:for-each select="fn:array[@key='shipping_lines']/fn:map/fn:string[@key='method_title'][normalize-space() != '']">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="normalize-space()"/>
          </xsl:for-each>
        </ShippingMethod>
      </xsl:if>
      <Lines>
        <xsl:for-each select="$lines">
          <xsl:variable name="quantity" select="number(fn:number[@key='quantity'])"/>
          <xsl:variable name="subtotal" select="number(fn:string[@key='subtotal']) + number($included) * number(fn:string[@key='subtotal_tax'])"/>
          <xsl:variable name="total" select="number(fn:string[@key='total']) + number($included) * number(fn:string[@key='total_tax'])"/>
          <Line>
            <PlatformLineId><xsl:value-of select="fn:number[@key='id']"/></PlatformLineId>
            <xsl:call-template name="text"><xsl:with-param name="name" select="'Sku'"/><xsl:with-param name="value" select="fn:string[@key='sku']"/></xsl:call-template>
            <Title>
              <xsl:choose>
                <xsl:when test="normalize-space(fn:string[@key='name']) != ''"><xsl:value-of select="normalize-space(fn:string[@key='name'])"/></xsl:when>
                <xsl:otherwise>Line <xsl:value-of select="fn:number[@key='id']"/></xsl:otherwise>
              </xsl:choose>
            </Title>
            <Quantity><xsl:value-of select="$quantity"/></Quantity>
            <UnitPrice>
              <xsl:call-template name="amount">
                <xsl:with-param name="value">
                  <xsl:choose>
                    <xsl:when test="$quantity &gt; 0"><xsl:value-of select="round($subtotal div $quantity * 10000) div 10000"/></xsl:when>
                    <xsl:otherwise>0</xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </UnitPrice>
            <Discount><xsl:call-template name="amount"><xsl:with-param name="value" select="$subtotal - $total"/></xsl:call-template></Discount>
            <Tax><xsl:call-template name="amount"><xsl:with-param name="value" select="fn:string[@key='total_tax']"/></xsl:call-template></Tax>
            <Total><xsl:call-template name="amount"><xsl:with-param name="value" select="$total"/></xsl:call-template></Total>
          </Line>
        </xsl:for-each>
      </Lines>
      <Totals>
        <Subtotal>
          <xsl:call-template name="amount">
            <xsl:with-param name="value" select="sum($lines/fn:string[@key='subtotal']) + number($included) * sum($lines/fn:string[@key='subtotal_tax'])"/>
          </xsl:call-template>
        </Subtotal>
        <Shipping>
          <xsl:call-template name="amount">
            <xsl:with-param name="value" select="number(fn:string[@key='shipping_total']) + number($included) * number(fn:string[@key='shipping_tax'])"/>
          </xsl:call-template>
        </Shipping>
        <Discount>
          <xsl:call-template name="amount">
            <xsl:with-param name="value" select="number(fn:string[@key='discount_total']) + number($included) * number(fn:string[@key='discount_tax'])"/>
          </xsl:call-template>
        </Discount>
        <Tax><xsl:call-template name="amount"><xsl:with-param name="value" select="fn:string[@key='total_tax']"/></xsl:call-template></Tax>
        <Total><xsl:call-template name="amount"><xsl:with-param name="value" select="fn:string[@key='total']"/></xsl:call-template></Total>
      </Totals>
      <xsl:if test="normalize-space(fn:string[@key='customer_note']) != ''">
        <Note><xsl:value-of select="fn:string[@key='customer_note']"/></Note>
      </xsl:if>
    </Order>
  </xsl:template>

  <xsl:template match="fn:map" mode="address">
    <xsl:param name="name"/>
    <xsl:if test="fn:string[normalize-space() != '']">
      <xsl:element name="{$name}">
        <xsl:call-template name="text"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="fn:string[@key='first_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="fn:string[@key='last_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Company'"/><xsl:with-param name="value" select="fn:string[@key='company']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Line1'"/><xsl:with-param name="value" select="fn:string[@key='address_1']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Line2'"/><xsl:with-param name="value" select="fn:string[@key='address_2']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'City'"/><xsl:with-param name="value" select="fn:string[@key='city']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Region'"/><xsl:with-param name="value" select="fn:string[@key='state']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'PostalCode'"/><xsl:with-param name="value" select="fn:string[@key='postcode']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'CountryCode'"/><xsl:with-param name="value" select="fn:string[@key='country']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="fn:string[@key='phone']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Email'"/><xsl:with-param name="value" select="fn:string[@key='email']"/></xsl:call-template>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- An element in the orders namespace with the trimmed value; nothing when the value is empty. -->
  <xsl:template name="text">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:element name="{$name}" namespace="urn:erpbridge:orders:v1"><xsl:value-of select="normalize-space($value)"/></xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- A plain decimal with 2 to 4 decimals; an absent or unreadable amount is 0. -->
  <xsl:template name="amount">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="string(number($value)) = 'NaN'">0.00</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number(round(number($value) * 10000) div 10000, '0.00##')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- WooCommerce's *_gmt dates carry no offset; they are UTC. -->
  <xsl:template name="utc">
    <xsl:param name="value"/>
    <xsl:variable name="text" select="normalize-space($value)"/>
    <xsl:choose>
      <xsl:when test="substring($text, string-length($text)) = 'Z'"><xsl:value-of select="$text"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="concat($text, 'Z')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected a WooCommerce order as JSON-as-XML (fn:map), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
