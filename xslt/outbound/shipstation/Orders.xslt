<?xml version="1.0" encoding="UTF-8"?>
<!--
  A web order the bridge fetched from a store (ord:Order, forwarded as an Orders message) to a ShipStation v1 request
  plan: one call, POST orders/createorder. ShipStation creates the order, or updates the one it has with the same
  orderKey, so the orderKey is the bridge's OrderId ("{store channel}:{platform order id}"): a resend after a lost
  answer, and every later revision of the order (a change, a cancellation), update the same ShipStation order.

  - orderStatus from the canonical Status and PaymentStatus: Open and Paid, PartiallyRefunded or Authorized →
    awaiting_shipment; Open otherwise → awaiting_payment; Cancelled and Refunded → cancelled; Completed → shipped
    (the store shipped it itself).
  - orderDate/modifyDate are sent as the canonical ISO 8601 times in UTC with their "Z"; ShipStation documents its own
    times in US Pacific time without an offset (see docs/shipping.md for what this relies on).
  - billTo/shipTo: name is first and last name; street1/street2, city, state (Region), postalCode, country (ISO code),
    phone, company. A missing shipping address ships to the billing address and the other way round; an order with
    neither (digital goods) sends the customer's name alone, since ShipStation requires both objects.
  - items: lineItemKey is the platform's line id, sku, name, quantity, unitPrice, taxAmount; a line without SKU (a
    custom product) is sent without one.
  - amountPaid is the order total once paid (0 before), taxAmount and shippingAmount from the totals.

  Parameters: message-id, channel (the shipping channel), idempotency-key (unused: orderKey makes the call idempotent).
-->
<xsl:stylesheet version="1.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:ord="urn:erpbridge:orders:v1"
    xmlns="urn:erpbridge:plan:v1"
    xmlns:fn="http://www.w3.org/2005/xpath-functions"
    exclude-result-prefixes="ord">
  <xsl:output method="xml" encoding="UTF-8" indent="no"/>
  <xsl:strip-space elements="*"/>

  <xsl:param name="message-id"/>
  <xsl:param name="channel"/>
  <xsl:param name="idempotency-key"/>

  <xsl:template match="/ord:Order">
    <xsl:variable name="paid" select="ord:PaymentStatus = 'Paid' or ord:PaymentStatus = 'PartiallyRefunded' or ord:PaymentStatus = 'Authorized'"/>
    <plan>
      <call id="order" method="POST" path="orders/createorder">
        <body>
          <fn:map>
            <fn:string key="orderNumber"><xsl:value-of select="normalize-space(ord:OrderNumber)"/></fn:string>
            <fn:string key="orderKey"><xsl:value-of select="concat(normalize-space(ord:Channel), ':', normalize-space(ord:PlatformOrderId))"/></fn:string>
            <fn:string key="orderDate"><xsl:value-of select="ord:CreatedAt"/></fn:string>
            <fn:string key="modifyDate"><xsl:value-of select="ord:UpdatedAt"/></fn:string>
            <fn:string key="orderStatus">
              <xsl:choose>
                <xsl:when test="ord:Status = 'Cancelled' or ord:Status = 'Refunded'">cancelled</xsl:when>
                <xsl:when test="ord:Status = 'Completed'">shipped</xsl:when>
                <xsl:when test="$paid">awaiting_shipment</xsl:when>
                <xsl:otherwise>awaiting_payment</xsl:otherwise>
              </xsl:choose>
            </fn:string>
            <xsl:if test="normalize-space(ord:Customer/ord:Email) != ''">
              <fn:string key="customerEmail"><xsl:value-of select="normalize-space(ord:Customer/ord:Email)"/></fn:string>
            </xsl:if>
            <xsl:call-template name="address">
              <xsl:with-param name="key" select="'billTo'"/>
              <xsl:with-param name="address" select="(ord:BillingAddress | ord:ShippingAddress)[1]"/>
            </xsl:call-template>
            <xsl:call-template name="address">
              <xsl:with-param name="key" select="'shipTo'"/>
              <xsl:with-param name="address" select="(ord:ShippingAddress | ord:BillingAddress)[last()]"/>
            </xsl:call-template>
            <fn:array key="items">
              <xsl:for-each select="ord:Lines/ord:Line">
                <fn:map>
                  <fn:string key="lineItemKey"><xsl:value-of select="normalize-space(ord:PlatformLineId)"/></fn:string>
                  <xsl:if test="normalize-space(ord:Sku) != ''">
                    <fn:string key="sku"><xsl:value-of select="normalize-space(ord:Sku)"/></fn:string>
                  </xsl:if>
                  <fn:string key="name"><xsl:value-of select="normalize-space(ord:Title)"/></fn:string>
                  <fn:number key="quantity"><xsl:value-of select="ord:Quantity"/></fn:number>
                  <fn:number key="unitPrice"><xsl:value-of select="ord:UnitPrice"/></fn:number>
                  <xsl:if test="ord:Tax">
                    <fn:number key="taxAmount"><xsl:value-of select="ord:Tax"/></fn:number>
                  </xsl:if>
                </fn:map>
              </xsl:for-each>
            </fn:array>
            <fn:number key="amountPaid">
              <xsl:choose>
                <xsl:when test="$paid and ord:Totals/ord:Total"><xsl:value-of select="ord:Totals/ord:Total"/></xsl:when>
                <xsl:otherwise>0</xsl:otherwise>
              </xsl:choose>
            </fn:number>
            <xsl:if test="ord:Totals/ord:Tax">
              <fn:number key="taxAmount"><xsl:value-of select="ord:Totals/ord:Tax"/></fn:number>
            </xsl:if>
            <xsl:if test="ord:Totals/ord:Shipping">
              <fn:number key="shippingAmount"><xsl:value-of select="ord:Totals/ord:Shipping"/></fn:number>
            </xsl:if>
            <xsl:if test="normalize-space(ord:ShippingMethod) != ''">
              <fn:string key="requestedShippingService"><xsl:value-of select="normalize-space(ord:ShippingMethod)"/></fn:string>
            </xsl:if>
            <xsl:if test="normalize-space(ord:Note) != ''">
              <fn:string key="customerNotes"><xsl:value-of select="ord:Note"/></fn:string>
            </xsl:if>
          </fn:map>
        </body>
      </call>
    </plan>
  </xsl:template>

  <!-- An address as ShipStation takes it; without one (an order of digital goods) the customer's name alone. -->
  <xsl:template name="address">
    <xsl:param name="key"/>
    <xsl:param name="address"/>
    <fn:map key="{$key}">
      <xsl:choose>
        <xsl:when test="$address">
          <xsl:for-each select="$address">
            <fn:string key="name"><xsl:value-of select="normalize-space(concat(ord:FirstName, ' ', ord:LastName))"/></fn:string>
            <xsl:if test="normalize-space(ord:Company) != ''">
              <fn:string key="company"><xsl:value-of select="normalize-space(ord:Company)"/></fn:string>
            </xsl:if>
            <fn:string key="street1"><xsl:value-of select="normalize-space(ord:Line1)"/></fn:string>
            <xsl:if test="normalize-space(ord:Line2) != ''">
              <fn:string key="street2"><xsl:value-of select="normalize-space(ord:Line2)"/></fn:string>
            </xsl:if>
            <fn:string key="city"><xsl:value-of select="normalize-space(ord:City)"/></fn:string>
            <fn:string key="state"><xsl:value-of select="normalize-space(ord:Region)"/></fn:string>
            <fn:string key="postalCode"><xsl:value-of select="normalize-space(ord:PostalCode)"/></fn:string>
            <fn:string key="country"><xsl:value-of select="normalize-space(ord:CountryCode)"/></fn:string>
            <xsl:if test="normalize-space(ord:Phone) != ''">
              <fn:string key="phone"><xsl:value-of select="normalize-space(ord:Phone)"/></fn:string>
            </xsl:if>
          </xsl:for-each>
        </xsl:when>
        <xsl:otherwise>
          <fn:string key="name"><xsl:value-of select="normalize-space(concat(ord:Customer/ord:FirstName, ' ', ord:Customer/ord:LastName))"/></fn:string>
        </xsl:otherwise>
      </xsl:choose>
    </fn:map>
  </xsl:template>

  <xsl:template match="/*" priority="-1">
    <xsl:message terminate="yes">Expected an order (urn:erpbridge:orders:v1), got <xsl:value-of select="name()"/> in namespace '<xsl:value-of select="namespace-uri()"/>'.</xsl:message>
  </xsl:template>
</xsl:stylesheet>
