namespace ErpBridge.Sandboxes.Shopify.GraphQL;

/// <summary>
/// The part of the Admin API 2026-01 schema the sandbox answers, in SDL, with the names and types of the published
/// schema (a contract test checks every type and field here against it). Documents are validated and variables
/// coerced against this subset, so a field the sandbox does not know is an error rather than a silent null.
/// </summary>
public static class ShopifySchemaSubset
{
    public const string Sdl = """
        schema { query: QueryRoot mutation: Mutation }

        scalar Money
        scalar HTML
        scalar DateTime
        scalar UnsignedInt64

        directive @idempotent(key: String!) on FIELD

        type QueryRoot {
          productVariants(after: String, before: String, first: Int, last: Int, query: String, reverse: Boolean = false, sortKey: ProductVariantSortKeys = ID): ProductVariantConnection!
          productVariant(id: ID!): ProductVariant
          product(id: ID!): Product
          inventoryItem(id: ID!): InventoryItem
          locations(after: String, before: String, first: Int, includeInactive: Boolean = false, includeLegacy: Boolean = false, last: Int, query: String, reverse: Boolean = false, sortKey: LocationSortKeys = NAME): LocationConnection!
          location(id: ID): Location
          orders(after: String, before: String, first: Int, last: Int, query: String, reverse: Boolean = false, sortKey: OrderSortKeys = PROCESSED_AT): OrderConnection!
          order(id: ID!): Order
          inventoryItems(after: String, before: String, first: Int, last: Int, query: String, reverse: Boolean = false): InventoryItemConnection!
          bulkOperation(id: ID!): BulkOperation
          currentBulkOperation(type: BulkOperationType = QUERY): BulkOperation
        }

        type Mutation {
          inventorySetQuantities(input: InventorySetQuantitiesInput!): InventorySetQuantitiesPayload
          productSet(identifier: ProductSetIdentifiers, input: ProductSetInput!, synchronous: Boolean = true): ProductSetPayload
          fulfillmentCreate(fulfillment: FulfillmentInput!, message: String): FulfillmentCreatePayload
          productVariantsBulkUpdate(allowPartialUpdates: Boolean = false, productId: ID!, variants: [ProductVariantsBulkInput!]!): ProductVariantsBulkUpdatePayload
          productUpdate(product: ProductUpdateInput): ProductUpdatePayload
          bulkOperationRunQuery(groupObjects: Boolean! = false, query: String!): BulkOperationRunQueryPayload
        }

        type BulkOperation {
          completedAt: DateTime
          createdAt: DateTime!
          errorCode: BulkOperationErrorCode
          fileSize: UnsignedInt64
          id: ID!
          objectCount: UnsignedInt64!
          partialDataUrl: URL
          query: String!
          rootObjectCount: UnsignedInt64!
          status: BulkOperationStatus!
          type: BulkOperationType!
          url: URL
        }

        type BulkOperationRunQueryPayload {
          bulkOperation: BulkOperation
          userErrors: [BulkOperationUserError!]!
        }

        type BulkOperationUserError {
          code: BulkOperationUserErrorCode
          field: [String!]
          message: String!
        }

        enum BulkOperationStatus { CANCELED CANCELING COMPLETED CREATED EXPIRED FAILED RUNNING }

        enum BulkOperationType { QUERY MUTATION }

        enum BulkOperationErrorCode { ACCESS_DENIED INTERNAL_SERVER_ERROR TIMEOUT }

        enum BulkOperationUserErrorCode { OPERATION_IN_PROGRESS INVALID }

        type InventoryItemConnection {
          edges: [InventoryItemEdge!]!
          nodes: [InventoryItem!]!
          pageInfo: PageInfo!
        }

        type InventoryItemEdge {
          cursor: String!
          node: InventoryItem!
        }

        type InventoryLevelConnection {
          edges: [InventoryLevelEdge!]!
          nodes: [InventoryLevel!]!
          pageInfo: PageInfo!
        }

        type InventoryLevelEdge {
          cursor: String!
          node: InventoryLevel!
        }

        type OrderConnection {
          edges: [OrderEdge!]!
          nodes: [Order!]!
          pageInfo: PageInfo!
        }

        type OrderEdge {
          cursor: String!
          node: Order!
        }

        type Order {
          billingAddress: MailingAddress
          cancelledAt: DateTime
          createdAt: DateTime!
          currencyCode: CurrencyCode!
          customer: Customer
          displayFinancialStatus: OrderDisplayFinancialStatus
          displayFulfillmentStatus: OrderDisplayFulfillmentStatus!
          email: String
          fulfillmentOrders(after: String, before: String, first: Int, last: Int, reverse: Boolean = false): FulfillmentOrderConnection!
          fulfillments(first: Int): [Fulfillment!]!
          id: ID!
          legacyResourceId: UnsignedInt64!
          lineItems(after: String, before: String, first: Int, last: Int, reverse: Boolean = false): LineItemConnection!
          name: String!
          note: String
          number: Int!
          phone: String
          processedAt: DateTime!
          shippingAddress: MailingAddress
          shippingLine: ShippingLine
          subtotalPriceSet: MoneyBag
          taxesIncluded: Boolean!
          totalDiscountsSet: MoneyBag
          totalPriceSet: MoneyBag!
          totalShippingPriceSet: MoneyBag!
          totalTaxSet: MoneyBag
          updatedAt: DateTime!
        }

        type LineItemConnection {
          edges: [LineItemEdge!]!
          nodes: [LineItem!]!
          pageInfo: PageInfo!
        }

        type LineItemEdge {
          cursor: String!
          node: LineItem!
        }

        type LineItem {
          discountedTotalSet(withCodeDiscounts: Boolean = false): MoneyBag!
          id: ID!
          name: String!
          originalTotalSet: MoneyBag!
          originalUnitPriceSet: MoneyBag!
          quantity: Int!
          sku: String
          taxLines(first: Int): [TaxLine!]!
          title: String!
          totalDiscountSet: MoneyBag!
          variantTitle: String
        }

        type TaxLine {
          priceSet: MoneyBag!
          rate: Float
          ratePercentage: Float
          title: String!
        }

        type ShippingLine {
          code: String
          discountedPriceSet: MoneyBag!
          originalPriceSet: MoneyBag!
          taxLines: [TaxLine!]!
          title: String!
        }

        type MoneyBag {
          presentmentMoney: MoneyV2!
          shopMoney: MoneyV2!
        }

        type MoneyV2 {
          amount: Decimal!
          currencyCode: CurrencyCode!
        }

        type MailingAddress {
          address1: String
          address2: String
          city: String
          company: String
          countryCodeV2: CountryCode
          firstName: String
          id: ID!
          lastName: String
          name: String
          phone: String
          province: String
          zip: String
        }

        type Customer {
          defaultEmailAddress: CustomerEmailAddress
          defaultPhoneNumber: CustomerPhoneNumber
          displayName: String!
          firstName: String
          id: ID!
          lastName: String
          legacyResourceId: UnsignedInt64!
        }

        type CustomerEmailAddress {
          emailAddress: String!
        }

        type CustomerPhoneNumber {
          phoneNumber: String!
        }

        enum OrderSortKeys { CREATED_AT CURRENT_TOTAL_PRICE CUSTOMER_NAME DESTINATION FINANCIAL_STATUS FULFILLMENT_STATUS ID ORDER_NUMBER PO_NUMBER PROCESSED_AT RELEVANCE TOTAL_ITEMS_QUANTITY TOTAL_PRICE UPDATED_AT }

        enum OrderDisplayFinancialStatus { PENDING AUTHORIZED PARTIALLY_PAID PARTIALLY_REFUNDED VOIDED PAID REFUNDED EXPIRED }

        enum OrderDisplayFulfillmentStatus { UNFULFILLED PARTIALLY_FULFILLED FULFILLED RESTOCKED PENDING_FULFILLMENT OPEN IN_PROGRESS ON_HOLD SCHEDULED REQUEST_DECLINED }

        enum CurrencyCode { AUD CAD CHF CZK DKK EUR GBP JPY NOK NZD PLN SEK USD }

        enum CountryCode { AT AU BE CA CH CZ DE DK ES FI FR GB IE IT JP LU NL NO NZ PL PT SE US }

        type FulfillmentOrderConnection {
          edges: [FulfillmentOrderEdge!]!
          nodes: [FulfillmentOrder!]!
          pageInfo: PageInfo!
        }

        type FulfillmentOrderEdge {
          cursor: String!
          node: FulfillmentOrder!
        }

        type FulfillmentOrder {
          id: ID!
          lineItems(after: String, before: String, first: Int, last: Int, reverse: Boolean = false): FulfillmentOrderLineItemConnection!
          status: FulfillmentOrderStatus!
        }

        type FulfillmentOrderLineItemConnection {
          edges: [FulfillmentOrderLineItemEdge!]!
          nodes: [FulfillmentOrderLineItem!]!
          pageInfo: PageInfo!
        }

        type FulfillmentOrderLineItemEdge {
          cursor: String!
          node: FulfillmentOrderLineItem!
        }

        type FulfillmentOrderLineItem {
          id: ID!
          remainingQuantity: Int!
          sku: String
          totalQuantity: Int!
        }

        type Fulfillment {
          createdAt: DateTime!
          id: ID!
          name: String!
          status: FulfillmentStatus!
          totalQuantity: Int!
          trackingInfo(first: Int): [FulfillmentTrackingInfo!]!
        }

        type FulfillmentTrackingInfo {
          company: String
          number: String
          url: URL
        }

        type FulfillmentCreatePayload {
          fulfillment: Fulfillment
          userErrors: [UserError!]!
        }

        type UserError {
          field: [String!]
          message: String!
        }

        input FulfillmentInput {
          lineItemsByFulfillmentOrder: [FulfillmentOrderLineItemsInput!]!
          notifyCustomer: Boolean = false
          trackingInfo: FulfillmentTrackingInput
        }

        input FulfillmentOrderLineItemsInput {
          fulfillmentOrderId: ID!
          fulfillmentOrderLineItems: [FulfillmentOrderLineItemInput!]
        }

        input FulfillmentOrderLineItemInput {
          id: ID!
          quantity: Int!
        }

        input FulfillmentTrackingInput {
          company: String
          number: String
          url: URL
        }

        scalar URL

        enum FulfillmentOrderStatus { CANCELLED CLOSED INCOMPLETE IN_PROGRESS ON_HOLD OPEN SCHEDULED }

        enum FulfillmentStatus { CANCELLED ERROR FAILURE SUCCESS }

        type PageInfo {
          endCursor: String
          hasNextPage: Boolean!
          hasPreviousPage: Boolean!
          startCursor: String
        }

        type ProductVariantConnection {
          edges: [ProductVariantEdge!]!
          nodes: [ProductVariant!]!
          pageInfo: PageInfo!
        }

        type ProductVariantEdge {
          cursor: String!
          node: ProductVariant!
        }

        type ProductVariant {
          barcode: String
          displayName: String!
          id: ID!
          inventoryItem: InventoryItem!
          legacyResourceId: UnsignedInt64!
          price: Money!
          product: Product!
          sku: String
          title: String!
        }

        type Product {
          descriptionHtml: HTML!
          handle: String!
          id: ID!
          legacyResourceId: UnsignedInt64!
          productType: String!
          status: ProductStatus!
          title: String!
          variants(after: String, before: String, first: Int, last: Int, reverse: Boolean = false): ProductVariantConnection!
          vendor: String!
        }

        type InventoryItem {
          id: ID!
          inventoryLevel(locationId: ID!): InventoryLevel
          inventoryLevels(after: String, before: String, first: Int, last: Int, query: String, reverse: Boolean = false): InventoryLevelConnection!
          legacyResourceId: UnsignedInt64!
          measurement: InventoryItemMeasurement!
          sku: String
          tracked: Boolean!
        }

        type InventoryItemMeasurement {
          id: ID!
          weight: Weight
        }

        type Weight {
          unit: WeightUnit!
          value: Float!
        }

        type InventoryLevel {
          id: ID!
          item: InventoryItem!
          location: Location!
          quantities(names: [String!]!): [InventoryQuantity!]!
        }

        type InventoryQuantity {
          id: ID!
          name: String!
          quantity: Int!
          updatedAt: DateTime
        }

        type LocationConnection {
          edges: [LocationEdge!]!
          nodes: [Location!]!
          pageInfo: PageInfo!
        }

        type LocationEdge {
          cursor: String!
          node: Location!
        }

        type Location {
          id: ID!
          inventoryLevel(inventoryItemId: ID!): InventoryLevel
          isActive: Boolean!
          legacyResourceId: UnsignedInt64!
          name: String!
        }

        type InventorySetQuantitiesPayload {
          inventoryAdjustmentGroup: InventoryAdjustmentGroup
          userErrors: [InventorySetQuantitiesUserError!]!
        }

        type InventoryAdjustmentGroup {
          changes(inventoryItemIds: [ID!], locationIds: [ID!], quantityNames: [String!]): [InventoryChange!]!
          createdAt: DateTime!
          id: ID!
          reason: String!
          referenceDocumentUri: String
        }

        type InventoryChange {
          delta: Int!
          item: InventoryItem
          location: Location
          name: String!
          quantityAfterChange: Int
        }

        type InventorySetQuantitiesUserError {
          code: InventorySetQuantitiesUserErrorCode
          field: [String!]
          message: String!
        }

        type ProductSetPayload {
          product: Product
          productSetOperation: ProductSetOperation
          userErrors: [ProductSetUserError!]!
        }

        type ProductSetOperation {
          id: ID!
          product: Product
          status: ProductOperationStatus!
          userErrors: [ProductSetUserError!]!
        }

        type ProductSetUserError {
          code: ProductSetUserErrorCode
          field: [String!]
          message: String!
        }

        type ProductVariantsBulkUpdatePayload {
          product: Product
          productVariants: [ProductVariant!]
          userErrors: [ProductVariantsBulkUpdateUserError!]!
        }

        type ProductVariantsBulkUpdateUserError {
          code: ProductVariantsBulkUpdateUserErrorCode
          field: [String!]
          message: String!
        }

        type ProductUpdatePayload {
          product: Product
          userErrors: [UserError!]!
        }

        input ProductUpdateInput {
          descriptionHtml: String
          id: ID
          status: ProductStatus
          title: String
        }

        input ProductVariantsBulkInput {
          barcode: String
          id: ID
          price: Money
        }

        input InventorySetQuantitiesInput {
          name: String!
          quantities: [InventoryQuantityInput!]!
          reason: String!
          referenceDocumentUri: String
        }

        input InventoryQuantityInput {
          changeFromQuantity: Int
          inventoryItemId: ID!
          locationId: ID!
          quantity: Int!
        }

        input ProductSetIdentifiers {
          handle: String
          id: ID
        }

        input ProductSetInput {
          descriptionHtml: String
          handle: String
          productOptions: [OptionSetInput!]
          productType: String
          status: ProductStatus
          tags: [String!]
          title: String
          variants: [ProductVariantSetInput!]
          vendor: String
        }

        input OptionSetInput {
          id: ID
          name: String
          position: Int
          values: [OptionValueSetInput!]
        }

        input OptionValueSetInput {
          id: ID
          name: String
        }

        input ProductVariantSetInput {
          barcode: String
          compareAtPrice: Money
          id: ID
          inventoryItem: InventoryItemInput
          optionValues: [VariantOptionValueInput!]!
          price: Money
          sku: String
          taxable: Boolean
        }

        input VariantOptionValueInput {
          id: ID
          name: String
          optionId: ID
          optionName: String
        }

        input InventoryItemInput {
          cost: Decimal
          measurement: InventoryItemMeasurementInput
          requiresShipping: Boolean
          sku: String
          tracked: Boolean
        }

        input InventoryItemMeasurementInput {
          weight: WeightInput
        }

        input WeightInput {
          unit: WeightUnit!
          value: Float!
        }

        scalar Decimal

        enum ProductStatus { ACTIVE ARCHIVED DRAFT UNLISTED }

        enum WeightUnit { KILOGRAMS GRAMS POUNDS OUNCES }

        enum ProductOperationStatus { CREATED ACTIVE COMPLETE }

        enum ProductVariantSortKeys { FULL_TITLE ID INVENTORY_LEVELS_AVAILABLE INVENTORY_MANAGEMENT INVENTORY_POLICY INVENTORY_QUANTITY NAME POPULAR POSITION RELEVANCE SKU TITLE }

        enum LocationSortKeys { ID NAME RELEVANCE }

        enum InventorySetQuantitiesUserErrorCode {
          INVALID_INVENTORY_ITEM INVALID_LOCATION INVALID_QUANTITY_NEGATIVE INVALID_REASON INVALID_REFERENCE_DOCUMENT
          ITEM_NOT_STOCKED_AT_LOCATION INVALID_QUANTITY_TOO_HIGH INVALID_QUANTITY_TOO_LOW COMPARE_QUANTITY_REQUIRED
          COMPARE_QUANTITY_STALE CHANGE_FROM_QUANTITY_STALE INVALID_NAME NO_DUPLICATE_INVENTORY_ITEM_ID_GROUP_ID_PAIR
          NON_MUTABLE_INVENTORY_ITEM IDEMPOTENCY_CONCURRENT_REQUEST IDEMPOTENCY_KEY_PARAMETER_MISMATCH
        }

        enum ProductVariantsBulkUpdateUserErrorCode {
          PRODUCT_DOES_NOT_EXIST PRODUCT_VARIANT_ID_MISSING PRODUCT_VARIANT_DOES_NOT_EXIST MUST_BE_FOR_THIS_PRODUCT
          GREATER_THAN_OR_EQUAL_TO INVALID_INPUT
        }

        enum ProductSetUserErrorCode {
          ID_NOT_ALLOWED MISSING_FIELD_REQUIRED INPUT_MISMATCH NOT_FOUND GENERIC_ERROR INVALID_VARIANT PRODUCT_DOES_NOT_EXIST
          PRODUCT_VARIANT_DOES_NOT_EXIST OPTION_DOES_NOT_EXIST OPTION_VALUE_DOES_NOT_EXIST OPTION_VALUES_MISSING
          DUPLICATED_OPTION_NAME DUPLICATED_OPTION_VALUE PRODUCT_OPTIONS_INPUT_MISSING VARIANTS_INPUT_MISSING INVALID_PRODUCT
          INVALID_INPUT DUPLICATED_VALUE HANDLE_NOT_UNIQUE
        }
        """;
}
