<?xml version="1.0" encoding="UTF-8"?>
<!--
  A Shopify order (Admin GraphQL 2026-01 Order node, rendered as JSON-as-XML, root fn:map) to the canonical ord:Order.

  Parameter: channel (required; the map stops with a message without it).

  Input: the order node as the connector's OrdersChangedSince query returns it (ShopifyDocuments.OrdersChangedSince),
  with every line item under lineItems.nodes: the connector reads the lines beyond the first five from
  order(id).lineItems and appends them there, dropping lineItems.pageInfo. Keys read:
    id, name, createdAt, updatedAt, cancelledAt, displayFinancialStatus, displayFulfillmentStatus, currencyCode,
    taxesIncluded, email, phone, note,
    customer { id firstName lastName defaultEmailAddress.emailAddress defaultPhoneNumber.phoneNumber } (null: guest),
    billingAddress / shippingAddress { firstName lastName company address1 address2 city province zip countryCodeV2 phone },
    shippingLine.title,
    lineItems.nodes[] { id sku title quantity originalUnitPriceSet totalDiscountSet taxLines[].priceSet },
    subtotalPriceSet, totalShippingPriceSet, totalDiscountsSet, totalTaxSet, totalPriceSet.
  Every amount is the shopMoney amount of its MoneyBag, in the shop currency (currencyCode), which is the Currency.

  Ids and times:
  - PlatformOrderId is the numeric part of the Order GID; OrderNumber is the name without '#' (SubmitShipments names
    orders by it); PlatformLineId and PlatformCustomerId are the numeric parts of their GIDs.
  - createdAt and updatedAt are copied: the Admin API writes DateTime in UTC with 'Z'.

  Statuses (Shopify has no single order status; it keeps a financial and a fulfillment status and a cancel time):
    Status       cancelledAt set → Cancelled; else displayFinancialStatus REFUNDED → Refunded;
                 else displayFulfillmentStatus FULFILLED or RESTOCKED → Completed; else Open.
    PlatformStatus  CANCELLED when cancelled, else displayFulfillmentStatus (UNFULFILLED, PARTIALLY_FULFILLED, ...).
    PaymentStatus   displayFinancialStatus: PENDING → Pending, AUTHORIZED → Authorized, PAID → Paid,
                 PARTIALLY_PAID → PartiallyPaid, PARTIALLY_REFUNDED → PartiallyRefunded, REFUNDED → Refunded,
                 VOIDED → Voided, EXPIRED (an authorisation that lapsed, nothing captured) → Voided; absent → Unknown.

  Money:
  - Line: UnitPrice = originalUnitPriceSet (before discounts); Discount = totalDiscountSet (the line's whole discount,
    order-level discounts included, since Shopify allocates them to lines); Tax = the sum of the line's taxLines;
    Total = Quantity × UnitPrice − Discount. With taxesIncluded the prices, and so Total, already contain the tax.
  - Totals: Subtotal = subtotalPriceSet (the lines after their discounts, which is the sum of the line Totals; when
    absent, Total − Shipping − Tax, or Total − Shipping with taxes included); Shipping = totalShippingPriceSet;
    Discount = totalDiscountsSet (already deducted in the lines, reported for the ERP's discount account);
    Tax = totalTaxSet (lines and shipping); Total = totalPriceSet, what the customer pays.
  - Amounts are written with two to four decimals; a missing amount is 0.

  Customer: from the customer account; the e-mail and phone fall back to the order's own (the contact given at
  checkout). A guest order (customer null) has no PlatformCustomerId; its name comes from the billing address, else
  the shipping address. Empty parts are left out everywhere, text is whitespace-normalised and cut to the schema's
  length; the Note is kept as written.
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    xmlns:ord="urn:erpbridge:orders:v1"
    exclude-result-prefixes="fn">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>

  <xsl:param name="channel"/>

  <xsl:template match="/">
    <xsl:if test="normalize-space($channel) = ''">
      <xsl:message terminate="yes">The Shopify order map needs the channel parameter.</xsl:message>
    </xsl:if>
    <xsl:if test="not(fn:map/fn:string[@key = 'id'][starts-with(., 'gid://shopify/Order/')]) or not(fn:map/fn:string[@key = 'name'])">
      <xsl:message terminate="yes">Not a Shopify order: the input has no Order id (gid://shopify/Order/...) or name.</xsl:message>
    </xsl:if>
    <xsl:apply-templates select="fn:map"/>
  </xsl:template>

  <xsl:template match="fn:map">
    <xsl:variable name="cancelled" select="normalize-space(fn:string[@key = 'cancelledAt']) != ''"/>
    <xsl:variable name="financial" select="string(fn:string[@key = 'displayFinancialStatus'])"/>
    <xsl:variable name="fulfillment" select="string(fn:string[@key = 'displayFulfillmentStatus'])"/>
    <xsl:variable name="taxes-included" select="fn:boolean[@key = 'taxesIncluded'] = 'true'"/>
    <xsl:variable name="total" select="number(concat('0', fn:map[@key = 'totalPriceSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount']))"/>
    <xsl:variable name="shipping" select="number(concat('0', fn:map[@key = 'totalShippingPriceSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount']))"/>
    <xsl:variable name="tax" select="number(concat('0', fn:map[@key = 'totalTaxSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount']))"/>
    <xsl:variable name="customer" select="fn:map[@key = 'customer']"/>
    <xsl:variable name="billing" select="fn:map[@key = 'billingAddress']"/>
    <xsl:variable name="shipping-address" select="fn:map[@key = 'shippingAddress']"/>

    <ord:Order>
      <ord:Channel><xsl:value-of select="normalize-space($channel)"/></ord:Channel>
      <ord:PlatformOrderId><xsl:value-of select="substring-after(fn:string[@key = 'id'], 'gid://shopify/Order/')"/></ord:PlatformOrderId>
      <ord:OrderNumber>
        <xsl:call-template name="without-hash">
          <xsl:with-param name="name" select="normalize-space(fn:string[@key = 'name'])"/>
        </xsl:call-template>
      </ord:OrderNumber>
      <ord:CreatedAt><xsl:value-of select="fn:string[@key = 'createdAt']"/></ord:CreatedAt>
      <ord:UpdatedAt><xsl:value-of select="fn:string[@key = 'updatedAt']"/></ord:UpdatedAt>
      <ord:Status>
        <xsl:choose>
          <xsl:when test="$cancelled">Cancelled</xsl:when>
          <xsl:when test="$financial = 'REFUNDED'">Refunded</xsl:when>
          <xsl:when test="$fulfillment = 'FULFILLED' or $fulfillment = 'RESTOCKED'">Completed</xsl:when>
          <xsl:otherwise>Open</xsl:otherwise>
        </xsl:choose>
      </ord:Status>
      <ord:PlatformStatus>
        <xsl:choose>
          <xsl:when test="$cancelled">CANCELLED</xsl:when>
          <xsl:when test="$fulfillment != ''"><xsl:value-of select="$fulfillment"/></xsl:when>
          <xsl:otherwise>UNFULFILLED</xsl:otherwise>
        </xsl:choose>
      </ord:PlatformStatus>
      <ord:PaymentStatus>
        <xsl:choose>
          <xsl:when test="$financial = 'PENDING'">Pending</xsl:when>
          <xsl:when test="$financial = 'AUTHORIZED'">Authorized</xsl:when>
          <xsl:when test="$financial = 'PAID'">Paid</xsl:when>
          <xsl:when test="$financial = 'PARTIALLY_PAID'">PartiallyPaid</xsl:when>
          <xsl:when test="$financial = 'PARTIALLY_REFUNDED'">PartiallyRefunded</xsl:when>
          <xsl:when test="$financial = 'REFUNDED'">Refunded</xsl:when>
          <xsl:when test="$financial = 'VOIDED' or $financial = 'EXPIRED'">Voided</xsl:when>
          <xsl:otherwise>Unknown</xsl:otherwise>
        </xsl:choose>
      </ord:PaymentStatus>
      <ord:Currency><xsl:value-of select="fn:string[@key = 'currencyCode']"/></ord:Currency>
      <ord:TaxesIncluded><xsl:value-of select="$taxes-included"/></ord:TaxesIncluded>

      <ord:Customer>
        <xsl:choose>
          <xsl:when test="$customer">
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'PlatformCustomerId'"/>
              <xsl:with-param name="value" select="substring-after($customer/fn:string[@key = 'id'], 'gid://shopify/Customer/')"/>
              <xsl:with-param name="max" select="64"/>
            </xsl:call-template>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'Email'"/>
              <xsl:with-param name="value" select="($customer/fn:map[@key = 'defaultEmailAddress']/fn:string[@key = 'emailAddress'][normalize-space() != ''] | fn:string[@key = 'email'])[1]"/>
            </xsl:call-template>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'FirstName'"/>
              <xsl:with-param name="value" select="$customer/fn:string[@key = 'firstName']"/>
            </xsl:call-template>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'LastName'"/>
              <xsl:with-param name="value" select="$customer/fn:string[@key = 'lastName']"/>
            </xsl:call-template>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'Phone'"/>
              <xsl:with-param name="value" select="($customer/fn:map[@key = 'defaultPhoneNumber']/fn:string[@key = 'phoneNumber'][normalize-space() != ''] | fn:string[@key = 'phone'])[1]"/>
              <xsl:with-param name="max" select="64"/>
            </xsl:call-template>
          </xsl:when>
          <xsl:otherwise>
            <xsl:variable name="named" select="($billing[normalize-space(fn:string[@key = 'firstName']) != '' or normalize-space(fn:string[@key = 'lastName']) != ''] | $shipping-address[not($billing[normalize-space(fn:string[@key = 'firstName']) != '' or normalize-space(fn:string[@key = 'lastName']) != ''])])[1]"/>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'Email'"/>
              <xsl:with-param name="value" select="fn:string[@key = 'email']"/>
            </xsl:call-template>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'FirstName'"/>
              <xsl:with-param name="value" select="$named/fn:string[@key = 'firstName']"/>
            </xsl:call-template>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'LastName'"/>
              <xsl:with-param name="value" select="$named/fn:string[@key = 'lastName']"/>
            </xsl:call-template>
            <xsl:call-template name="text">
              <xsl:with-param name="name" select="'Phone'"/>
              <xsl:with-param name="value" select="fn:string[@key = 'phone']"/>
              <xsl:with-param name="max" select="64"/>
            </xsl:call-template>
          </xsl:otherwise>
        </xsl:choose>
      </ord:Customer>

      <xsl:apply-templates select="$billing" mode="address">
        <xsl:with-param name="element" select="'BillingAddress'"/>
      </xsl:apply-templates>
      <xsl:apply-templates select="$shipping-address" mode="address">
        <xsl:with-param name="element" select="'ShippingAddress'"/>
      </xsl:apply-templates>
      <xsl:call-template name="text">
        <xsl:with-param name="name" select="'ShippingMethod'"/>
        <xsl:with-param name="value" select="fn:map[@key = 'shippingLine']/fn:string[@key = 'title']"/>
      </xsl:call-template>

      <ord:Lines>
        <xsl:apply-templates select="fn:map[@key = 'lineItems']/fn:array[@key = 'nodes']/fn:map" mode="line"/>
      </ord:Lines>

      <ord:Totals>
        <ord:Subtotal>
          <xsl:choose>
            <xsl:when test="fn:map[@key = 'subtotalPriceSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount'] != ''">
              <xsl:call-template name="amount">
                <xsl:with-param name="value" select="fn:map[@key = 'subtotalPriceSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount']"/>
              </xsl:call-template>
            </xsl:when>
            <xsl:when test="$taxes-included">
              <xsl:call-template name="amount"><xsl:with-param name="value" select="$total - $shipping"/></xsl:call-template>
            </xsl:when>
            <xsl:otherwise>
              <xsl:call-template name="amount"><xsl:with-param name="value" select="$total - $shipping - $tax"/></xsl:call-template>
            </xsl:otherwise>
          </xsl:choose>
        </ord:Subtotal>
        <ord:Shipping><xsl:call-template name="amount"><xsl:with-param name="value" select="$shipping"/></xsl:call-template></ord:Shipping>
        <ord:Discount>
          <xsl:call-template name="amount">
            <xsl:with-param name="value" select="fn:map[@key = 'totalDiscountsSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount']"/>
          </xsl:call-template>
        </ord:Discount>
        <ord:Tax><xsl:call-template name="amount"><xsl:with-param name="value" select="$tax"/></xsl:call-template></ord:Tax>
        <ord:Total><xsl:call-template name="amount"><xsl:with-param name="value" select="$total"/></xsl:call-template></ord:Total>
      </ord:Totals>

      <xsl:if test="normalize-space(fn:string[@key = 'note']) != ''">
        <ord:Note><xsl:value-of select="fn:string[@key = 'note']"/></ord:Note>
      </xsl:if>
    </ord:Order>
  </xsl:template>

  <xsl:template match="fn:map" mode="address">
    <xsl:param name="element"/>
    <xsl:variable name="parts" select="fn:string[normalize-space() != ''][@key = 'firstName' or @key = 'lastName' or @key = 'company' or @key = 'address1' or @key = 'address2' or @key = 'city' or @key = 'province' or @key = 'zip' or @key = 'countryCodeV2' or @key = 'phone']"/>
    <xsl:if test="$parts">
      <xsl:element name="ord:{$element}" namespace="urn:erpbridge:orders:v1">
        <xsl:call-template name="text"><xsl:with-param name="name" select="'FirstName'"/><xsl:with-param name="value" select="fn:string[@key = 'firstName']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'LastName'"/><xsl:with-param name="value" select="fn:string[@key = 'lastName']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Company'"/><xsl:with-param name="value" select="fn:string[@key = 'company']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Line1'"/><xsl:with-param name="value" select="fn:string[@key = 'address1']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Line2'"/><xsl:with-param name="value" select="fn:string[@key = 'address2']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'City'"/><xsl:with-param name="value" select="fn:string[@key = 'city']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Region'"/><xsl:with-param name="value" select="fn:string[@key = 'province']"/></xsl:call-template>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'PostalCode'"/><xsl:with-param name="value" select="fn:string[@key = 'zip']"/><xsl:with-param name="max" select="64"/></xsl:call-template>
        <xsl:if test="string-length(normalize-space(fn:string[@key = 'countryCodeV2'])) = 2">
          <ord:CountryCode><xsl:value-of select="translate(normalize-space(fn:string[@key = 'countryCodeV2']), 'abcdefghijklmnopqrstuvwxyz', 'ABCDEFGHIJKLMNOPQRSTUVWXYZ')"/></ord:CountryCode>
        </xsl:if>
        <xsl:call-template name="text"><xsl:with-param name="name" select="'Phone'"/><xsl:with-param name="value" select="fn:string[@key = 'phone']"/><xsl:with-param name="max" select="64"/></xsl:call-template>
      </xsl:element>
    </xsl:if>
  </xsl:template>

  <xsl:template match="fn:map" mode="line">
    <xsl:variable name="id" select="string(fn:string[@key = 'id'])"/>
    <xsl:variable name="quantity" select="number(concat('0', fn:number[@key = 'quantity']))"/>
    <xsl:variable name="unit" select="number(concat('0', fn:map[@key = 'originalUnitPriceSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount']))"/>
    <xsl:variable name="discount" select="number(concat('0', fn:map[@key = 'totalDiscountSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount']))"/>
    <ord:Line>
      <ord:PlatformLineId>
        <xsl:choose>
          <xsl:when test="starts-with($id, 'gid://shopify/LineItem/')"><xsl:value-of select="substring-after($id, 'gid://shopify/LineItem/')"/></xsl:when>
          <xsl:otherwise><xsl:value-of select="$id"/></xsl:otherwise>
        </xsl:choose>
      </ord:PlatformLineId>
      <xsl:call-template name="text">
        <xsl:with-param name="name" select="'Sku'"/>
        <xsl:with-param name="value" select="fn:string[@key = 'sku']"/>
      </xsl:call-template>
      <ord:Title>
        <xsl:variable name="title" select="normalize-space(substring(normalize-space(fn:string[@key = 'title']), 1, 255))"/>
        <xsl:choose>
          <xsl:when test="$title != ''"><xsl:value-of select="$title"/></xsl:when>
          <xsl:otherwise>(untitled)</xsl:otherwise>
        </xsl:choose>
      </ord:Title>
      <ord:Quantity><xsl:value-of select="$quantity"/></ord:Quantity>
      <ord:UnitPrice><xsl:call-template name="amount"><xsl:with-param name="value" select="$unit"/></xsl:call-template></ord:UnitPrice>
      <ord:Discount><xsl:call-template name="amount"><xsl:with-param name="value" select="$discount"/></xsl:call-template></ord:Discount>
      <ord:Tax>
        <xsl:call-template name="amount">
          <xsl:with-param name="value" select="sum(fn:array[@key = 'taxLines']/fn:map/fn:map[@key = 'priceSet']/fn:map[@key = 'shopMoney']/fn:string[@key = 'amount'])"/>
        </xsl:call-template>
      </ord:Tax>
      <ord:Total><xsl:call-template name="amount"><xsl:with-param name="value" select="$quantity * $unit - $discount"/></xsl:call-template></ord:Total>
    </ord:Line>
  </xsl:template>

  <!-- An element ord:{name} with the whitespace-normalised text cut to max characters; nothing when the text is empty. -->
  <xsl:template name="text">
    <xsl:param name="name"/>
    <xsl:param name="value"/>
    <xsl:param name="max" select="255"/>
    <xsl:variable name="text" select="normalize-space(substring(normalize-space($value), 1, $max))"/>
    <xsl:if test="$text != ''">
      <xsl:element name="ord:{$name}" namespace="urn:erpbridge:orders:v1"><xsl:value-of select="$text"/></xsl:element>
    </xsl:if>
  </xsl:template>

  <!-- A money amount as a plain decimal with two to four places; anything not a number is 0. -->
  <xsl:template name="amount">
    <xsl:param name="value"/>
    <xsl:choose>
      <xsl:when test="string(number($value)) = 'NaN'">0.00</xsl:when>
      <xsl:otherwise><xsl:value-of select="format-number(number($value), '0.00##')"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>

  <xsl:template name="without-hash">
    <xsl:param name="name"/>
    <xsl:choose>
      <xsl:when test="starts-with($name, '#')"><xsl:value-of select="substring($name, 2)"/></xsl:when>
      <xsl:otherwise><xsl:value-of select="$name"/></xsl:otherwise>
    </xsl:choose>
  </xsl:template>
</xsl:stylesheet>
