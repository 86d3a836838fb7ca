namespace ErpBridge.Sandboxes.BigCommerce;

/// <summary>A postal address with contact data, as v2 writes billing and shipping addresses. Empty strings stand for "not entered".</summary>
public sealed record SandboxAddress(string FirstName, string LastName, string Street1, string City, string Zip, string CountryIso2)
{
    public static readonly SandboxAddress Demo = new("Ada", "Lovelace", "1 Market St", "Austin", "78701", "US")
    {
        State = "Texas",
        Country = "United States",
        Phone = "512-555-0100",
        Email = "ada@example.com",
    };

    public string Company { get; init; } = "";

    public string Street2 { get; init; } = "";

    public string State { get; init; } = "";

    public string Country { get; init; } = "";

    public string Phone { get; init; } = "";

    public string Email { get; init; } = "";
}
