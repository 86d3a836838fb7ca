<?xml version="1.0" encoding="UTF-8"?>
<!--
  A BigCommerce order (REST v2) to the canonical order (ord:Order, ../../wsdl/Orders.xsd).

  Input: the order object of GET v2/orders as the connector reads it, rendered as JSON-as-XML (root fn:map), with two
  keys replaced by the connector: "products" holds the array of GET v2/orders/{id}/products (the lines) and
  "shipping_addresses" the array of GET v2/orders/{id}/shipping_addresses, where v2 itself only links them as
  {"url", "resource"}. v2 writes money as strings with four decimals ("54.0000") and dates as RFC 2822
  ("Tue, 20 Nov 2012 00:00:00 +0000", UTC); both are read here, dates converted to ISO 8601 UTC with Z.

  Keys read. Order: id, date_created, date_modified, status_id, status, payment_status, default_currency_code
  (the transactional currency, the one the amounts are in; currency_code when absent), is_tax_inclusive_pricing,
  customer_id (0 = guest), billing_address, customer_message, items_total, items_shipped, subtotal_ex_tax /
  subtotal_inc_tax, shipping_cost_*, handling_cost_*, wrapping_cost_* (ex or inc tax), discount_amount,
  coupon_discount, total_tax, total_inc_tax. Lines (products[]): id, sku, name (name_customer when empty), quantity,
  price_ex_tax / price_inc_tax, total_tax, applied_discounts[].amount. Shipping (shipping_addresses[0]): the
  address fields and shipping_method. Addresses: first_name, last_name, company, street_1, street_2, city, state,
  zip, country_iso2, phone, email.

  Numbers and statuses:
  - OrderNumber and PlatformOrderId are both the order id: BigCommerce shows the id as the order number.
  - Status from status_id (BigCommerce's fixed statuses):
      0 Incomplete, 1 Pending, 3 Partially Shipped, 7 Awaiting Payment, 8 Awaiting Pickup, 9 Awaiting Shipment,
      11 Awaiting Fulfillment, 12 Manual Verification Required, 13 Disputed          -> Open
      2 Shipped, 10 Completed                                                         -> Completed
      5 Cancelled, 6 Declined                                                         -> Cancelled
      4 Refunded                                                                      -> Refunded
      14 Partially Refunded -> Completed when every item has shipped (items_shipped >= items_total), else Open
      any other id                                                                    -> Open
    PlatformStatus is the status text as the store shows it (status).
  - PaymentStatus from payment_status:
      captured, paid -> Paid;  authorized, capture pending -> Authorized;  pending, held for review -> Pending;
      partially refunded -> PartiallyRefunded;  refunded -> Refunded;
      void, void pending, declined -> Voided (no payment stands);  "" or anything else -> Unknown
      (v2 leaves it empty for orders entered by hand without a payment).
  - TaxesIncluded is is_tax_inclusive_pricing. Prices and totals are then taken with tax (the *_inc_tax keys),
    otherwise without (the *_ex_tax keys); Tax is always the tax amount BigCommerce computed.
  Amounts:
  - Line: UnitPrice = price_ex_tax (price_inc_tax when TaxesIncluded); Discount = the sum of the line's
    applied_discounts (BigCommerce shares every coupon, automatic and manual discount out to the lines);
    Tax = total_tax (after discount); Total = Quantity x UnitPrice - Discount.
  - Totals: Subtotal = subtotal_ex_tax (subtotal_inc_tax), the lines before any discount; Shipping = shipping +
    handling + wrapping cost; Discount = discount_amount + coupon_discount (the same discounts the lines share);
    Tax = total_tax; Total = total_inc_tax, what the customer pays. So Subtotal - Discount + Shipping (+ Tax when
    not included) = Total.
  Customer: PlatformCustomerId is customer_id unless 0 (guest); email, names and phone come from the billing
  address (v2 orders carry no separate customer contact). Customer is empty for a guest who left none.
  Empty strings are left out (the Text types refuse them) and long ones cut to the schema's length; a country that
  is not two letters is left out. Note is customer_message; staff_notes stay in the store.

  Parameters: channel (written as Channel).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns="urn:erpbridge:orders:v1"
    exclude-result-prefixes="fn">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="fn:map fn:array"/>

  <xsl:param name="channel"/>

  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>
  <xsl:variable name="money" select="'0.00##'"/>

  <xsl:template match="/">
    <xsl:if test="not(fn:map/fn:number[@key='id']) or not(fn:map/fn:array[@key='products'])">
      <xsl:message terminate="yes">Expected a BigCommerce v2 order object with "id" and its "products" array (the connector merges GET v2/orders/{id}/products into it).</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="fn:map"/>
  </xsl:template>

  <xsl:template match="/fn:map">
    <xsl:variable name="inclusive" select="fn:boolean[@key='is_tax_inclusive_pricing'] = 'true'"/>
    <xsl:variable name="basis">
      <xsl:choose>
        <xsl:when test="$inclusive">inc</xsl:when>
        <xsl:otherwise>ex</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <Order>
      <Channel><xsl:call-template name="text"><xsl:with-param name="value" select="$channel"/><xsl:with-param name="max" select="64"/></xsl:call-template></Channel>
      <PlatformOrderId><xsl:value-of select="fn:number[@key='id']"/></PlatformOrderId>
      <OrderNumber><xsl:value-of select="fn:number[@key='id']"/></OrderNumber>
      <CreatedAt><xsl:call-template name="date"><xsl:with-param name="value" select="fn:string[@key='date_created']"/></xsl:call-template></CreatedAt>
      <UpdatedAt><xsl:call-template name="date"><xsl:with-param name="value" select="fn:string[@key='date_modified']"/></xsl:call-template></UpdatedAt>
      <Status><xsl:call-template name="status"/></Status>
      <PlatformStatus>
        <xsl:call-template name="text">
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="normalize-space(fn:string[@key='status']) != ''"><xsl:value-of select="fn:string[@key='status']"/></xsl:when>
              <xsl:when test="normalize-space(fn:string[@key='custom_status']) != ''"><xsl:value-of select="fn:string[@key='custom_status']"/></xsl:when>
              <xsl:otherwise>status_id <xsl:value-of select="fn:number[@key='status_id']"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="max" select="64"/>
        </xsl:call-template>
      </PlatformStatus>
      <PaymentStatus><xsl:call-template name="payment-status"><xsl:with-param name="value" select="normalize-space(fn:string[@key='payment_status'])"/></xsl:call-template></PaymentStatus>
      <Currency>
        <xsl:choose>
          <xsl:when test="normalize-space(fn:string[@key='default_currency_code']) != ''"><xsl:value-of select="translate(normalize-space(fn:string[@key='default_currency_code']), $lower, $upper)"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="translate(normalize-space(fn:string[@key='currency_code']), $lower, $upper)"/></xsl:otherwise>
        </xsl:choose>
      </Currency>
      <TaxesIncluded><xsl:value-of select="$inclusive"/></TaxesIncluded>
      <xsl:variable name="billing" select="fn:map[@key='billing_address']"/>
      <Customer>
        <xsl:if test="number(fn:number[@key='customer_id']) &gt; 0">
          <PlatformCustomerId><xsl:value-of select="fn:number[@key='customer_id']"/></PlatformCustomerId>
        </xsl:if>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Email'"/><xsl:with-param name="value" select="$billing/fn:string[@key='email']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="$billing/fn:string[@key='first_name']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="$billing/fn:string[@key='last_name']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="$billing/fn:string[@key='phone']"/><xsl:with-param name="max" select="64"/></xsl:call-template>
      </Customer>
      <xsl:apply-templates select="$billing" mode="address"><xsl:with-param name="name" select="'BillingAddress'"/></xsl:apply-templates>
      <xsl:variable name="shipping" select="fn:array[@key='shipping_addresses']/fn:map[1]"/>
      <xsl:apply-templates select="$shipping" mode="address"><xsl:with-param name="name" select="'ShippingAddress'"/></xsl:apply-templates>
      <xsl:call-template name="optional"><xsl:with-param name="name" select="'ShippingMethod'"/><xsl:with-param name="value" select="$shipping/fn:string[@key='shipping_method']"/></xsl:call-template>
      <Lines>
        <xsl:apply-templates select="fn:array[@key='products']/fn:map">
          <xsl:with-param name="basis" select="$basis"/>
        </xsl:apply-templates>
      </Lines>
      <Totals>
        <Subtotal><xsl:value-of select="format-number(number(fn:*[@key=concat('subtotal_', $basis, '_tax')]), $money)"/></Subtotal>
        <Shipping>
          <xsl:value-of select="format-number(
              sum(fn:*[@key=concat('shipping_cost_', $basis, '_tax') or @key=concat('handling_cost_', $basis, '_tax') or @key=concat('wrapping_cost_', $basis, '_tax')]),
              $money)"/>
        </Shipping>
        <Discount><xsl:value-of select="format-number(sum(fn:*[@key='discount_amount' or @key='coupon_discount']), $money)"/></Discount>
        <Tax><xsl:value-of select="format-number(number(fn:*[@key='total_tax']), $money)"/></Tax>
        <Total><xsl:value-of select="format-number(number(fn:*[@key='total_inc_tax']), $money)"/></Total>
      </Totals>
      <xsl:if test="normalize-space(fn:string[@key='customer_message']) != ''">
        <Note><xsl:value-of select="fn:string[@key='customer_message']"/></Note>
      </xsl:if>
    </Order>
  </xsl:template>

  <!-- One order product: the line's price on the order's tax basis, its discounts summed. -->
  <xsl:template match="fn:array[@key='products']/fn:map">
    <xsl:param name="basis"/>
    <xsl:variable name="quantity" select="number(fn:number[@key='quantity'])"/>
    <xsl:variable name="unit" select="number(fn:*[@key=concat('price_', $basis, '_tax')])"/>
    <xsl:variable name="discount" select="sum(fn:array[@key='applied_discounts']/fn:map/fn:*[@key='amount'])"/>
    <Line>
      <PlatformLineId><xsl:value-of select="fn:number[@key='id']"/></PlatformLineId>
      <xsl:call-template name="optional"><xsl:with-param name="name" select="'Sku'"/><xsl:with-param name="value" select="fn:string[@key='sku']"/></xsl:call-template>
      <Title>
        <xsl:call-template name="text">
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="normalize-space(fn:string[@key='name']) != ''"><xsl:value-of select="fn:string[@key='name']"/></xsl:when>
              <xsl:when test="normalize-space(fn:string[@key='name_customer']) != ''"><xsl:value-of select="fn:string[@key='name_customer']"/></xsl:when>
              <xsl:otherwise>Order product <xsl:value-of select="fn:number[@key='id']"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
      </Title>
      <Quantity><xsl:value-of select="$quantity"/></Quantity>
      <UnitPrice><xsl:value-of select="format-number($unit, $money)"/></UnitPrice>
      <Discount><xsl:value-of select="format-number($discount, $money)"/></Discount>
      <Tax><xsl:value-of select="format-number(number(fn:*[@key='total_tax']), $money)"/></Tax>
      <Total><xsl:value-of select="format-number($quantity * $unit - $discount, $money)"/></Total>
    </Line>
  </xsl:template>

  <!-- A billing or shipping address; written only when the customer entered any part of it. -->
  <xsl:template match="fn:map" mode="address">
    <xsl:param name="name"/>
    <xsl:variable name="country" select="translate(normalize-space(fn:string[@key='country_iso2']), $lower, $upper)"/>
    <xsl:variable name="valid-country" select="string-length($country) = 2 and translate($country, $upper, '') = ''"/>
    <xsl:if test="normalize-space(concat(fn:string[@key='first_name'], fn:string[@key='last_name'], fn:string[@key='company'],
                  fn:string[@key='street_1'], fn:string[@key='street_2'], fn:string[@key='city'], fn:string[@key='state'],
                  fn:string[@key='zip'], fn:string[@key='phone'], fn:string[@key='email'])) != '' or $valid-country">
      <xsl:element name="{$name}">
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="fn:string[@key='first_name']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="fn:string[@key='last_name']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Company'"/><xsl:with-param name="value" select="fn:string[@key='company']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Line1'"/><xsl:with-param name="value" select="fn:string[@key='street_1']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Line2'"/><xsl:with-param name="value" select="fn:string[@key='street_2']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'City'"/><xsl:with-param name="value" select="fn:string[@key='city']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Region'"/><xsl:with-param name="value" select="fn:string[@key='state']"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'PostalCode'"/><xsl:with-param name="value" select="fn:string[@key='zip']"/><xsl:with-param name="max" select="64"/></xsl:call-template>
        <xsl:if test="$valid-country">
          <CountryCode><xsl:value-of select="$country"/></CountryCode>
        </xsl:if>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="fn:string[@key='phone']"/><xsl:with-param name="max" select="64"/></xsl:call-template>
        <xsl:call-template name="optional"><xsl:with-param name="name" select="'Email'"/><xsl:with-param name="value" select="fn:string[@key='email']"/></xsl:call-template>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <xsl:template name="status">
    <xsl:variable name="id" select="number(fn:number[@key='status_id'])"/>
    <xsl:choose>
      <xsl:when test="$id = 2 or $id = 10">Completed</xsl:when>
      <xsl:when test="$id = 5 or $id = 6">Cancelled</xsl:when>
      <xsl:when test="$id = 4">Refunded</xsl:when>
      <xsl:when test="$id = 14 and number(fn:number[@key='items_total']) &gt; 0
                      and number(fn:number[@key='items_shipped']) &gt;= number(fn:number[@key='items_total'])">Completed</xsl:when>
      <xsl:otherwise>Open</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="payment-status">
    <xsl:param name="value"/>
    <xsl:variable name="status" select="translate($value, $upper, $lower)"/>
    <xsl:choose>
      <xsl:when test="$status = 'captured' or $status = 'paid'">Paid</xsl:when>
      <xsl:when test="$status = 'authorized' or $status = 'capture pending'">Authorized</xsl:when>
      <xsl:when test="$status = 'pending' or $status = 'held for review'">Pending</xsl:when>
      <xsl:when test="$status = 'partially refunded'">PartiallyRefunded</xsl:when>
      <xsl:when test="$status = 'refunded'">Refunded</xsl:when>
      <xsl:when test="$status = 'void' or $status = 'void pending' or $status = 'declined'">Voided</xsl:when>
      <xsl:otherwise>Unknown</xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <!-- An element holding the value, spaces normalized and cut to max characters; nothing when the value is empty. -->
  <xsl:template name="optional">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="max" select="255"/>
    <xsl:if test="normalize-space($value) != ''">
      <xsl:element name="{$name}">
        <xsl:call-template name="text"><xsl:with-param name="value" select="$value"/><xsl:with-param name="max" select="$max"/></xsl:call-template>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <xsl:template name="text">
    <xsl:param name="value"/>
    <xsl:param name="max" select="255"/>
    <xsl:value-of select="normalize-space(substring(normalize-space($value), 1, $max))"/>
  </xsl:template>

  <!--
    RFC 2822 ("Tue, 20 Nov 2012 00:00:00 +0000"; the weekday may be absent) to ISO 8601 UTC ("2012-11-20T00:00:00Z").
    v2 answers in UTC; another offset is still converted, through days since 1970-01-01.
  -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:variable name="text" select="normalize-space($value)"/>
    <xsl:variable name="rest">
      <xsl:choose>
        <xsl:when test="contains($text, ',')"><xsl:value-of select="normalize-space(substring-after($text, ','))"/></xsl:when>
        <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:variable name="day" select="number(substring-before($rest, ' '))"/>
    <xsl:variable name="after-day" select="substring-after($rest, ' ')"/>
    <xsl:variable name="month-name" select="substring-before($after-day, ' ')"/>
    <xsl:variable name="month" select="(string-length(substring-before('JanFebMarAprMayJunJulAugSepOctNovDec', $month-name)) div 3) + 1"/>
    <xsl:variable name="after-month" select="substring-after($after-day, ' ')"/>
    <xsl:variable name="year" select="number(substring-before($after-month, ' '))"/>
    <xsl:variable name="clock" select="substring-before(concat(substring-after($after-month, ' '), ' '), ' ')"/>
    <xsl:variable name="zone" select="substring-after(substring-after($after-month, ' '), ' ')"/>
    <xsl:variable name="hour" select="number(substring($clock, 1, 2))"/>
    <xsl:variable name="minute" select="number(substring($clock, 4, 2))"/>
    <xsl:variable name="second" select="number(substring($clock, 7, 2))"/>
    <xsl:variable name="offset-minutes">
      <xsl:choose>
        <xsl:when test="$zone = '' or $zone = 'GMT' or $zone = 'UT' or $zone = 'Z'">0</xsl:when>
        <xsl:when test="string-length($zone) = 5 and (starts-with($zone, '+') or starts-with($zone, '-'))">
          <xsl:value-of select="(1 - 2 * starts-with($zone, '-')) * (number(substring($zone, 2, 2)) * 60 + number(substring($zone, 4, 2)))"/>
        </xsl:when>
        <xsl:otherwise>NaN</xsl:otherwise>
      </xsl:choose>
    </xsl:variable>
    <xsl:if test="string(number($day)) = 'NaN' or string-length($month-name) != 3 or not(contains('JanFebMarAprMayJunJulAugSepOctNovDec', $month-name))
                  or string(number($year)) = 'NaN' or string(number($hour)) = 'NaN' or string(number($minute)) = 'NaN'
                  or string(number($second)) = 'NaN' or string(number($offset-minutes)) = 'NaN'">
      <xsl:message terminate="yes">Order <xsl:value-of select="/fn:map/fn:number[@key='id']"/>: '<xsl:value-of select="$value"/>' is not an RFC 2822 date such as "Tue, 20 Nov 2012 00:00:00 +0000".</xsl:message>
    </xsl:if>
    <!-- Days since 1970-01-01 of the civil date (proleptic Gregorian), then the UTC instant in seconds. -->
    <xsl:variable name="y" select="$year - ($month &lt;= 2)"/>
    <xsl:variable name="era" select="floor($y div 400)"/>
    <xsl:variable name="yoe" select="$y - $era * 400"/>
    <xsl:variable name="mp" select="($month + 9) mod 12"/>
    <xsl:variable name="doy" select="floor((153 * $mp + 2) div 5) + $day - 1"/>
    <xsl:variable name="doe" select="$yoe * 365 + floor($yoe div 4) - floor($yoe div 100) + $doy"/>
    <xsl:variable name="days" select="$era * 146097 + $doe - 719468"/>
    <xsl:variable name="instant" select="$days * 86400 + $hour * 3600 + $minute * 60 + $second - $offset-minutes * 60"/>
    <xsl:call-template name="iso-utc">
      <xsl:with-param name="days" select="floor($instant div 86400)"/>
      <xsl:with-param name="seconds" select="$instant - floor($instant div 86400) * 86400"/>
    </xsl:call-template>
  </xsl:template>

  <!-- Days since 1970-01-01 and seconds into that day to "YYYY-MM-DDThh:mm:ssZ". -->
  <xsl:template name="iso-utc">
    <xsl:param name="days"/>
    <xsl:param name="seconds"/>
    <xsl:variable name="z" select="$days + 719468"/>
    <xsl:variable name="era" select="floor($z div 146097)"/>
    <xsl:variable name="doe" select="$z - $era * 146097"/>
    <xsl:variable name="yoe" select="floor(($doe - floor($doe div 1460) + floor($doe div 36524) - floor($doe div 146096)) div 365)"/>
    <xsl:variable name="doy" select="$doe - (365 * $yoe + floor($yoe div 4) - floor($yoe div 100))"/>
    <xsl:variable name="mp" select="floor((5 * $doy + 2) div 153)"/>
    <xsl:variable name="day" select="$doy - floor((153 * $mp + 2) div 5) + 1"/>
    <xsl:variable name="month" select="$mp + 3 - 12 * ($mp &gt;= 10)"/>
    <xsl:variable name="year" select="$yoe + $era * 400 + ($month &lt;= 2)"/>
    <xsl:value-of select="concat(format-number($year, '0000'), '-', format-number($month, '00'), '-', format-number($day, '00'), 'T',
                                 format-number(floor($seconds div 3600), '00'), ':', format-number(floor(($seconds mod 3600) div 60), '00'), ':',
                                 format-number($seconds mod 60, '00'), 'Z')"/>
  </xsl:template>
</xsl:stylesheet>
