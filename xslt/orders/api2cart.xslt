<?xml version="1.0" encoding="UTF-8"?>
<!--
  An API2Cart order (order.list / order.info "Order" object, rendered as JSON-as-XML with root fn:map) to the canonical
  ord:Order. The connector passes the order as order.list answers it with params=force_all: lines, addresses, totals
  and status are in it, so no key is added.

  Keys read: id, order_id, create_at.value, modified_at.value, status{id, name}, currency.iso3, customer{id, email,
  first_name, last_name, phone}, billing_address / shipping_address{first_name, last_name, company, address1,
  address2, city, state.name (else state.code), postcode, country.code2, phone}, shipping_method.name (else the
  shipping_methods' names), order_products[]{order_product_id, model, name, price, quantity, discount_amount,
  tax_value_after_discount (else tax_value)}, total{subtotal_ex_tax, shipping_ex_tax, total_discount, total_tax,
  total, total_paid}, refunds[], comment.
  PlatformOrderId is API2Cart's id, OrderNumber the store's order_id (what shipments name).

  Dates: A2CDateTime values, ISO 8601 with an offset; an offset written +hhmm (API2Cart's "O" format) becomes +hh:mm.
  A date that is not ISO 8601 stops the map, naming the order.

  Status (PlatformStatus keeps the status id as the cart names it), compared in lower case:
    complete, completed, shipped, delivered, closed -> Completed;  canceled, cancelled, declined, failed, voided -> Cancelled;
    refunded -> Refunded;  anything else (pending, processing, on hold, awaiting ...) -> Open
  PaymentStatus, first match wins: status refunded -> Refunded; a refund on the order -> PartiallyRefunded;
    total_paid at least total (above 0) -> Paid; total_paid above 0 -> PartiallyPaid; cancelled -> Voided; otherwise Pending.

  Money: API2Cart's unified totals are without tax (subtotal_ex_tax, shipping_ex_tax), so TaxesIncluded is false:
  UnitPrice = price, Discount = discount_amount, Tax = the line's tax after discount, Total = price x quantity -
  discount; Totals: Subtotal = subtotal_ex_tax, Shipping = shipping_ex_tax, Discount = total_discount, Tax =
  total_tax, Total = total (what the customer pays). Line Sku is the line's model (API2Cart's name for the SKU on
  order lines); a line without one has no Sku. Empty customer and address fields are left out.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns="urn:erpbridge:orders:v1"
    exclude-result-prefixes="fn">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="channel"/>

  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/fn:map[fn:string[@key='order_id'] and fn:array[@key='order_products']]">
    <xsl:variable name="status" select="translate(normalize-space(fn:map[@key='status']/fn:string[@key='id']), $upper, $lower)"/>
    <xsl:variable name="total" select="fn:map[@key='total']"/>
    <xsl:variable name="cancelled" select="$status = 'canceled' or $status = 'cancelled' or $status = 'declined' or $status = 'failed' or $status = 'voided'"/>
    <xsl:variable name="number" select="normalize-space(fn:string[@key='order_id'])"/>
    <Order>
      <Channel><xsl:value-of select="$channel"/></Channel>
      <PlatformOrderId><xsl:value-of select="normalize-space(fn:string[@key='id'])"/></PlatformOrderId>
      <OrderNumber><xsl:value-of select="$number"/></OrderNumber>
      <CreatedAt><xsl:call-template name="date"><xsl:with-param name="value" select="fn:map[@key='create_at']/fn:string[@key='value']"/><xsl:with-param name="order" select="$number"/></xsl:call-template></CreatedAt>
      <UpdatedAt>
        <xsl:call-template name="date">
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="normalize-space(fn:map[@key='modified_at']/fn:string[@key='value']) != ''"><xsl:value-of select="fn:map[@key='modified_at']/fn:string[@key='value']"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="fn:map[@key='create_at']/fn:string[@key='value']"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
          <xsl:with-param name="order" select="$number"/>
        </xsl:call-template>
      </UpdatedAt>
      <Status>
        <xsl:choose>
          <xsl:when test="$status = 'complete' or $status = 'completed' or $status = 'shipped' or $status = 'delivered' or $status = 'closed'">Completed</xsl:when>
          <xsl:when test="$cancelled">Cancelled</xsl:when>
          <xsl:when test="$status = 'refunded'">Refunded</xsl:when>
          <xsl:otherwise>Open</xsl:otherwise>
        </xsl:choose>
      </Status>
      <PlatformStatus><xsl:value-of select="substring(normalize-space(fn:map[@key='status']/fn:string[@key='id']), 1, 64)"/></PlatformStatus>
      <PaymentStatus>
        <xsl:choose>
          <xsl:when test="$status = 'refunded'">Refunded</xsl:when>
          <xsl:when test="fn:array[@key='refunds']/fn:map">PartiallyRefunded</xsl:when>
          <xsl:when test="number($total/fn:number[@key='total_paid']) &gt; 0 and number($total/fn:number[@key='total_paid']) &gt;= number($total/fn:number[@key='total'])">Paid</xsl:when>
          <xsl:when test="number($total/fn:number[@key='total_paid']) &gt; 0">PartiallyPaid</xsl:when>
          <xsl:when test="$cancelled">Voided</xsl:when>
          <xsl:otherwise>Pending</xsl:otherwise>
        </xsl:choose>
      </PaymentStatus>
      <Currency><xsl:value-of select="translate(normalize-space(fn:map[@key='currency']/fn:string[@key='iso3']), $lower, $upper)"/></Currency>
      <TaxesIncluded>false</TaxesIncluded>
      <Customer>
        <xsl:variable name="customer" select="fn:map[@key='customer']"/>
        <xsl:if test="normalize-space($customer/fn:string[@key='id']) != '' and normalize-space($customer/fn:string[@key='id']) != '0'">
          <PlatformCustomerId><xsl:value-of select="normalize-space($customer/fn:string[@key='id'])"/></PlatformCustomerId>
        </xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Email'"/><xsl:with-param name="value" select="$customer/fn:string[@key='email']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="$customer/fn:string[@key='first_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="$customer/fn:string[@key='last_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="$customer/fn:string[@key='phone']"/></xsl:call-template>
      </Customer>
      <xsl:apply-templates select="fn:map[@key='billing_address']" mode="address"><xsl:with-param name="name" select="'BillingAddress'"/></xsl:apply-templates>
      <xsl:apply-templates select="fn:map[@key='shipping_address']" mode="address"><xsl:with-param name="name" select="'ShippingAddress'"/></xsl:apply-templates>
      <xsl:choose>
        <xsl:when test="normalize-space(fn:map[@key='shipping_method']/fn:string[@key='name']) != ''">
          <ShippingMethod><xsl:value-of select="substring(normalize-space(fn:map[@key='shipping_method']/fn:string[@key='name']), 1, 255)"/></ShippingMethod>
        </xsl:when>
        <xsl:when test="fn:array[@key='shipping_methods']/fn:map/fn:string[@key='name'][normalize-space() != '']">
          <ShippingMethod>
            <xsl:for-each select="fn:array[@key='shipping_methods']/fn:map/fn:string[@key='name'][normalize-space() != '']">
              <xsl:if test="position() &gt; 1">, </xsl:if>
              <xsl:value-of select="normalize-space()"/>
            </xsl:for-each>
          </ShippingMethod>
        </xsl:when>
      </xsl:choose>
      <Lines>
        <xsl:for-each select="fn:array[@key='order_products']/fn:map">
          <xsl:variable name="price" select="number(fn:number[@key='price'])"/>
          <xsl:variable name="quantity" select="number(fn:number[@key='quantity'])"/>
          <xsl:variable name="discount">
            <xsl:choose>
              <xsl:when test="string(number(fn:number[@key='discount_amount'])) = 'NaN'">0</xsl:when>
              <xsl:otherwise><xsl:value-of select="number(fn:number[@key='discount_amount'])"/></xsl:otherwise>
            </xsl:choose>
          </xsl:variable>
          <Line>
            <PlatformLineId><xsl:value-of select="normalize-space(fn:string[@key='order_product_id'])"/></PlatformLineId>
            <xsl:call-template name="text"><xsl:with-param name="name" select="'Sku'"/><xsl:with-param name="value" select="fn:string[@key='model']"/></xsl:call-template>
            <Title>
              <xsl:choose>
                <xsl:when test="normalize-space(fn:string[@key='name']) != ''"><xsl:value-of select="normalize-space(fn:string[@key='name'])"/></xsl:when>
                <xsl:otherwise>Line <xsl:value-of select="normalize-space(fn:string[@key='order_product_id'])"/></xsl:otherwise>
              </xsl:choose>
            </Title>
            <Quantity><xsl:value-of select="$quantity"/></Quantity>
            <UnitPrice><xsl:call-template name="amount"><xsl:with-param name="value" select="$price"/></xsl:call-template></UnitPrice>
            <Discount><xsl:call-template name="amount"><xsl:with-param name="value" select="$discount"/></xsl:call-template></Discount>
            <Tax>
              <xsl:call-template name="amount">
                <xsl:with-param name="value">
                  <xsl:choose>
                    <xsl:when test="fn:number[@key='tax_value_after_discount']"><xsl:value-of select="fn:number[@key='tax_value_after_discount']"/></xsl:when>
                    <xsl:otherwise><xsl:value-of select="fn:number[@key='tax_value']"/></xsl:otherwise>
                  </xsl:choose>
                </xsl:with-param>
              </xsl:call-template>
            </Tax>
            <Total><xsl:call-template name="amount"><xsl:with-param name="value" select="$price * $quantity - $discount"/></xsl:call-template></Total>
          </Line>
        </xsl:for-each>
      </Lines>
      <Totals>
        <Subtotal><xsl:call-template name="amount"><xsl:with-param name="value" select="$total/fn:number[@key='subtotal_ex_tax']"/></xsl:call-template></Subtotal>
        <Shipping><xsl:call-template name="amount"><xsl:with-param name="value" select="$total/fn:number[@key='shipping_ex_tax']"/></xsl:call-template></Shipping>
        <Discount><xsl:call-template name="amount"><xsl:with-param name="value" select="$total/fn:number[@key='total_discount']"/></xsl:call-template></Discount>
        <Tax><xsl:call-template name="amount"><xsl:with-param name="value" select="$total/fn:number[@key='total_tax']"/></xsl:call-template></Tax>
        <Total><xsl:call-template name="amount"><xsl:with-param name="value" select="$total/fn:number[@key='total']"/></xsl:call-template></Total>
      </Totals>
      <xsl:if test="normalize-space(fn:string[@key='comment']) != ''">
        <Note><xsl:value-of select="fn:string[@key='comment']"/></Note>
      </xsl:if>
    </Order>
  </xsl:template>

  <xsl:template match="fn:map" mode="address">
    <xsl:param name="name"/>
    <xsl:if test=".//fn:string[normalize-space() != '']">
      <xsl:element name="{$name}">
        <xsl:call-template name="text"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="fn:string[@key='first_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="fn:string[@key='last_name']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Company'"/><xsl:with-param name="value" select="fn:string[@key='company']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Line1'"/><xsl:with-param name="value" select="fn:string[@key='address1']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Line2'"/><xsl:with-param name="value" select="fn:string[@key='address2']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'City'"/><xsl:with-param name="value" select="fn:string[@key='city']"/></xsl:call-template>
        <xsl:call-template name="text">
          <xsl:with-param name="name" select="'Region'"/>
          <xsl:with-param name="value">
            <xsl:choose>
              <xsl:when test="normalize-space(fn:map[@key='state']/fn:string[@key='name']) != ''"><xsl:value-of select="fn:map[@key='state']/fn:string[@key='name']"/></xsl:when>
              <xsl:otherwise><xsl:value-of select="fn:map[@key='state']/fn:string[@key='code']"/></xsl:otherwise>
            </xsl:choose>
          </xsl:with-param>
        </xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'PostalCode'"/><xsl:with-param name="value" select="fn:string[@key='postcode']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'CountryCode'"/><xsl:with-param name="value" select="translate(fn:map[@key='country']/fn:string[@key='code2'], $lower, $upper)"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="fn:string[@key='phone']"/></xsl:call-template>
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

  <!-- An ISO 8601 date with its offset, +hhmm written +hh:mm; anything else stops the map. -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:param name="order"/>
    <xsl:variable name="text" select="normalize-space($value)"/>
    <xsl:variable name="length" select="string-length($text)"/>
    <xsl:variable name="tail" select="substring($text, $length - 4)"/>
    <xsl:choose>
      <xsl:when test="substring($text, 11, 1) != 'T' or translate(substring($text, 1, 10), '0123456789', '') != '--'">
        <xsl:message terminate="yes">Order <xsl:value-of select="$order"/>: '<xsl:value-of select="$text"/>' is not an ISO 8601 date</xsl:message>
      </xsl:when>
      <xsl:when test="(starts-with($tail, '+') or starts-with($tail, '-')) and translate(substring($tail, 2), '0123456789', '') = ''">
        <xsl:value-of select="concat(substring($text, 1, $length - 2), ':', substring($text, $length - 1))"/>
      </xsl:when>
      <xsl:otherwise><xsl:value-of select="$text"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected an API2Cart order object with "order_id" and its "order_products" array</xsl:message>
  </xsl:template>
</xsl:stylesheet>
