<?xml version="1.0" encoding="UTF-8"?>
<!--
  A Magento 2 / Adobe Commerce order (sales-data-order-interface, as GET V1/orders lists it, rendered as JSON-as-XML)
  to the canonical ord:Order. Parameter: channel.

  JSON keys read (the connector passes Magento's order object unchanged: it already holds its items, the billing
  address and, under extension_attributes.shipping_assignments, the shipping address and method):
    entity_id, increment_id, created_at, updated_at, state, status, order_currency_code (else base_currency_code),
    customer_id, customer_is_guest, customer_email, customer_firstname, customer_lastname, customer_note,
    subtotal, shipping_amount, discount_amount, tax_amount, grand_total, total_paid, total_refunded,
    payment_authorization_amount, payment.amount_authorized, shipping_description,
    billing_address{firstname, lastname, company, street[], city, region, postcode, country_id, telephone, email},
    extension_attributes.shipping_assignments[0].shipping{address{...}, method},
    items[]{item_id, parent_item_id, sku, name, qty_ordered, price, discount_amount, tax_amount}.
  Missing numbers count as 0 (Magento leaves null fields out of its answers).

  Dates: Magento's "Y-m-d H:i:s" is UTC; it becomes "Y-m-dTH:i:sZ".

  Status (from Magento's state; PlatformStatus is the status code, which stores may rename or add to):
    new, pending_payment, payment_review, processing, holded (and any other) → Open
    complete → Completed
    closed → Refunded (Magento closes an order when a credit memo refunds all of it)
    canceled → Cancelled
  PaymentStatus (from the order's totals, first rule that holds):
    total_refunded ≥ grand_total > 0 → Refunded;  total_refunded > 0 → PartiallyRefunded;
    state canceled and nothing paid → Voided;  total_paid ≥ grand_total → Paid;  total_paid > 0 → PartiallyPaid;
    an authorised amount (payment_authorization_amount or payment.amount_authorized) > 0 → Authorized;  else Pending.

  Lines: Magento lists a configurable product as two rows with the same SKU, the parent (product_type
  configurable, carrying price, tax and discount) and its simple child (parent_item_id set, price 0); bundles
  likewise list their parts as children. Only rows WITHOUT parent_item_id become lines, so nothing is counted
  twice and the SKU of a configurable line is the variant's SKU that Magento puts on the parent row.
  A row without a SKU gets no Sku element; Title is the name (the SKU when unnamed).

  Amounts: TaxesIncluded is false: Magento keeps every amount both with and without tax, and this map reads the
  ones without (price, row totals, subtotal, shipping_amount). Per line: UnitPrice = price, Discount =
  discount_amount (the share of cart-rule discounts Magento allocated to the row), Tax = tax_amount,
  Total = Quantity × UnitPrice − Discount. Quantity is qty_ordered rounded to a whole number.
  Totals: Subtotal = subtotal (before discounts), Shipping = shipping_amount, Discount = −discount_amount (Magento
  writes the order's discount negative; it is the sum of the line discounts plus any shipping discount),
  Tax = tax_amount (lines and shipping), Total = grand_total, what the customer pays.

  Customer: PlatformCustomerId is customer_id, left out for guests (customer_is_guest = 1); names fall back to the
  billing address (guest orders may carry none at order level); Phone is the billing telephone.
  ShippingMethod is shipping_description (e.g. "Flat Rate - Fixed"), else the method code (flatrate_flatrate).
  Street lines: the first is Line1, the rest joined with ", " is Line2. Empty values are left out.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns="urn:erpbridge:orders:v1"
    exclude-result-prefixes="fn">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="fn:*"/>

  <xsl:param name="channel"/>

  <xsl:variable name="upper" select="'ABCDEFGHIJKLMNOPQRSTUVWXYZ'"/>
  <xsl:variable name="lower" select="'abcdefghijklmnopqrstuvwxyz'"/>

  <xsl:template match="/fn:map">
    <xsl:variable name="state" select="normalize-space(fn:string[@key='state'])"/>
    <xsl:variable name="grand-total" select="sum(fn:number[@key='grand_total'])"/>
    <xsl:variable name="paid" select="sum(fn:number[@key='total_paid'])"/>
    <xsl:variable name="refunded" select="sum(fn:number[@key='total_refunded'])"/>
    <xsl:variable name="authorized" select="sum(fn:number[@key='payment_authorization_amount'] | fn:map[@key='payment']/fn:number[@key='amount_authorized'])"/>
    <xsl:variable name="billing" select="fn:map[@key='billing_address']"/>
    <xsl:variable name="shipping" select="fn:map[@key='extension_attributes']/fn:array[@key='shipping_assignments']/fn:map[1]/fn:map[@key='shipping']"/>
    <Order>
      <Channel><xsl:value-of select="$channel"/></Channel>
      <PlatformOrderId><xsl:value-of select="normalize-space(*[@key='entity_id'])"/></PlatformOrderId>
      <OrderNumber><xsl:value-of select="normalize-space(fn:string[@key='increment_id'])"/></OrderNumber>
      <CreatedAt><xsl:call-template name="date"><xsl:with-param name="value" select="fn:string[@key='created_at']"/></xsl:call-template></CreatedAt>
      <UpdatedAt><xsl:call-template name="date"><xsl:with-param name="value" select="fn:string[@key='updated_at']"/></xsl:call-template></UpdatedAt>
      <Status>
        <xsl:choose>
          <xsl:when test="$state = 'complete'">Completed</xsl:when>
          <xsl:when test="$state = 'closed'">Refunded</xsl:when>
          <xsl:when test="$state = 'canceled'">Cancelled</xsl:when>
          <xsl:otherwise>Open</xsl:otherwise>
        </xsl:choose>
      </Status>
      <PlatformStatus>
        <xsl:choose>
          <xsl:when test="normalize-space(fn:string[@key='status']) != ''"><xsl:value-of select="normalize-space(fn:string[@key='status'])"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$state"/></xsl:otherwise>
        </xsl:choose>
      </PlatformStatus>
      <PaymentStatus>
        <xsl:choose>
          <xsl:when test="$refunded &gt; 0 and $refunded &gt;= $grand-total">Refunded</xsl:when>
          <xsl:when test="$refunded &gt; 0">PartiallyRefunded</xsl:when>
          <xsl:when test="$state = 'canceled' and $paid = 0">Voided</xsl:when>
          <xsl:when test="$paid &gt;= $grand-total">Paid</xsl:when>
          <xsl:when test="$paid &gt; 0">PartiallyPaid</xsl:when>
          <xsl:when test="$authorized &gt; 0">Authorized</xsl:when>
          <xsl:otherwise>Pending</xsl:otherwise>
        </xsl:choose>
      </PaymentStatus>
      <Currency>
        <xsl:choose>
          <xsl:when test="normalize-space(fn:string[@key='order_currency_code']) != ''">
            <xsl:value-of select="translate(normalize-space(fn:string[@key='order_currency_code']), $lower, $upper)"/>
          </xsl:when>
          <xsl:otherwise><xsl:value-of select="translate(normalize-space(fn:string[@key='base_currency_code']), $lower, $upper)"/></xsl:otherwise>
        </xsl:choose>
      </Currency>
      <TaxesIncluded>false</TaxesIncluded>
      <Customer>
        <xsl:if test="not(number(fn:number[@key='customer_is_guest']) = 1)">
          <xsl:call-template name="text">
            <xsl:with-param name="name" select="'PlatformCustomerId'"/>
            <xsl:with-param name="value" select="*[@key='customer_id']"/>
          </xsl:call-template>
        </xsl:if>
        <xsl:call-template name="text">
          <xsl:with-param name="name" select="'Email'"/>
          <xsl:with-param name="value" select="fn:string[@key='customer_email']"/>
        </xsl:call-template>
        <xsl:call-template name="text">
          <xsl:with-param name="name" select="'FirstName'"/>
          <xsl:with-param name="value" select="fn:string[@key='customer_firstname']"/>
          <xsl:with-param name="fallback" select="$billing/fn:string[@key='firstname']"/>
        </xsl:call-template>
        <xsl:call-template name="text">
          <xsl:with-param name="name" select="'LastName'"/>
          <xsl:with-param name="value" select="fn:string[@key='customer_lastname']"/>
          <xsl:with-param name="fallback" select="$billing/fn:string[@key='lastname']"/>
        </xsl:call-template>
        <xsl:call-template name="text">
          <xsl:with-param name="name" select="'Phone'"/>
          <xsl:with-param name="value" select="$billing/fn:string[@key='telephone']"/>
        </xsl:call-template>
      </Customer>
      <xsl:apply-templates select="$billing" mode="address">
        <xsl:with-param name="name" select="'BillingAddress'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$shipping/fn:map[@key='address']" mode="address">
        <xsl:with-param name="name" select="'ShippingAddress'"/>
      </xsl:apply-templates>
      <xsl:call-template name="text">
        <xsl:with-param name="name" select="'ShippingMethod'"/>
        <xsl:with-param name="value" select="fn:string[@key='shipping_description']"/>
        <xsl:with-param name="fallback" select="$shipping/fn:string[@key='method']"/>
      </xsl:call-template>
      <Lines>
        <xsl:apply-templates select="fn:array[@key='items']/fn:map[not(*[@key='parent_item_id']) or *[@key='parent_item_id'][self::fn:null]]" mode="line"/>
      </Lines>
      <Totals>
        <Subtotal><xsl:call-template name="amount"><xsl:with-param name="value" select="sum(fn:number[@key='subtotal'])"/></xsl:call-template></Subtotal>
        <Shipping><xsl:call-template name="amount"><xsl:with-param name="value" select="sum(fn:number[@key='shipping_amount'])"/></xsl:call-template></Shipping>
        <Discount><xsl:call-template name="amount"><xsl:with-param name="value" select="-sum(fn:number[@key='discount_amount'])"/></xsl:call-template></Discount>
        <Tax><xsl:call-template name="amount"><xsl:with-param name="value" select="sum(fn:number[@key='tax_amount'])"/></xsl:call-template></Tax>
        <Total><xsl:call-template name="amount"><xsl:with-param name="value" select="$grand-total"/></xsl:call-template></Total>
      </Totals>
      <xsl:if test="normalize-space(fn:string[@key='customer_note']) != ''">
        <Note><xsl:value-of select="fn:string[@key='customer_note']"/></Note>
      </xsl:if>
    </Order>
  </xsl:template>

  <xsl:template match="fn:map" mode="line">
    <xsl:variable name="quantity" select="round(sum(fn:number[@key='qty_ordered']))"/>
    <xsl:variable name="price" select="sum(fn:number[@key='price'])"/>
    <xsl:variable name="discount" select="sum(fn:number[@key='discount_amount'])"/>
    <Line>
      <PlatformLineId><xsl:value-of select="normalize-space(*[@key='item_id'])"/></PlatformLineId>
      <xsl:call-template name="text">
        <xsl:with-param name="name" select="'Sku'"/>
        <xsl:with-param name="value" select="fn:string[@key='sku']"/>
      </xsl:call-template>
      <Title>
        <xsl:choose>
          <xsl:when test="normalize-space(fn:string[@key='name']) != ''"><xsl:value-of select="normalize-space(fn:string[@key='name'])"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="normalize-space(fn:string[@key='sku'])"/></xsl:otherwise>
        </xsl:choose>
      </Title>
      <Quantity><xsl:value-of select="format-number($quantity, '0')"/></Quantity>
      <UnitPrice><xsl:call-template name="amount"><xsl:with-param name="value" select="$price"/></xsl:call-template></UnitPrice>
      <Discount><xsl:call-template name="amount"><xsl:with-param name="value" select="$discount"/></xsl:call-template></Discount>
      <Tax><xsl:call-template name="amount"><xsl:with-param name="value" select="sum(fn:number[@key='tax_amount'])"/></xsl:call-template></Tax>
      <Total><xsl:call-template name="amount"><xsl:with-param name="value" select="$quantity * $price - $discount"/></xsl:call-template></Total>
    </Line>
  </xsl:template>

  <xsl:template match="fn:map" mode="address">
    <xsl:param name="name"/>
    <xsl:variable name="street" select="fn:array[@key='street']/fn:string[normalize-space() != '']"/>
    <xsl:element name="{$name}">
      <xsl:call-template name="text"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="fn:string[@key='firstname']"/></xsl:call-template>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="fn:string[@key='lastname']"/></xsl:call-template>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'Company'"/><xsl:with-param name="value" select="fn:string[@key='company']"/></xsl:call-template>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'Line1'"/><xsl:with-param name="value" select="$street[1]"/></xsl:call-template>
      <xsl:if test="count($street) &gt; 1">
        <Line2>
          <xsl:for-each select="$street[position() &gt; 1]">
            <xsl:if test="position() &gt; 1">, </xsl:if>
            <xsl:value-of select="normalize-space()"/>
          </xsl:for-each>
        </Line2>
      </xsl:if>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'City'"/><xsl:with-param name="value" select="fn:string[@key='city']"/></xsl:call-template>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'Region'"/><xsl:with-param name="value" select="fn:string[@key='region']"/></xsl:call-template>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'PostalCode'"/><xsl:with-param name="value" select="fn:string[@key='postcode']"/></xsl:call-template>
      <xsl:if test="string-length(normalize-space(fn:string[@key='country_id'])) = 2">
        <CountryCode><xsl:value-of select="translate(normalize-space(fn:string[@key='country_id']), $lower, $upper)"/></CountryCode>
      </xsl:if>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="fn:string[@key='telephone']"/></xsl:call-template>
      <xsl:call-template name="text"><xsl:with-param name="name" select="'Email'"/><xsl:with-param name="value" select="fn:string[@key='email']"/></xsl:call-template>
    </xsl:element>
  </xsl:template>

  <!-- An element holding the value (else the fallback) with its spaces normalised, or nothing when both are empty. -->
  <xsl:template name="text">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="fallback" select="''"/>
    <xsl:choose>
      <xsl:when test="normalize-space($value) != ''">
        <xsl:element name="{$name}"><xsl:value-of select="normalize-space($value)"/></xsl:element>
      </xsl:when>
      <xsl:when test="normalize-space($fallback) != ''">
        <xsl:element name="{$name}"><xsl:value-of select="normalize-space($fallback)"/></xsl:element>
      </xsl:when>
    </xsl:choose>
  </xsl:template>

  <!-- Magento "Y-m-d H:i:s" (UTC) → ISO 8601 with Z. -->
  <xsl:template name="date">
    <xsl:param name="value"/>
    <xsl:value-of select="concat(translate(normalize-space($value), ' ', 'T'), 'Z')"/>
  </xsl:template>

  <!-- A plain decimal with 2 to 4 fraction digits; never "-0.00". -->
  <xsl:template name="amount">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="string(number($value)) = 'NaN' or round($value * 10000) = 0">0.00</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number($value, '0.00##')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
