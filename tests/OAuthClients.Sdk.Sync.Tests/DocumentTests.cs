using System;
using System.IO;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using Json.Schema;
using Xunit;

namespace OAuthClients.Sdk.Sync.Tests;

/// <summary>The document format: the published schema and the loader agree on good and bad documents.</summary>
public sealed class DocumentTests
{
    private static readonly JsonSchema Schema = JsonSchema.FromText(ClientsDocumentSerializer.Schema);

    public static TheoryData<string> Bad => new()
    {
        """{ "clients": [ { "name": "Web", "redirectUris": ["https://a/cb"], "clientSecret": "s3cr3t-value" } ] }""",
        """{ "clients": [ { "name": "Web", "redirectUris": ["https://a/cb"], "secret": "s3cr3t-value" } ] }""",
        """{ "clients": [ { "name": "Web", "redirectUris": ["https://a/cb"], "colour": "red" } ] }""",
        """{ "clients": [ { "redirectUris": ["https://a/cb"] } ] }""",
        """{ "clients": [ { "name": "Web" } ] }""",
        """{ "clients": [ { "name": "Web", "redirectUris": ["https://a/cb"], "accessTokenLifetime": 1.5 } ] }""",
        """{ "clients": [ { "name": "Web", "redirectUris": ["https://a/cb"], "accessTokenLifetime": "1h" } ] }""",
        """{ "clients": [ { "name": "Web", "redirectUris": "https://a/cb" } ] }""",
        """{ "clients": [ { "name": "", "redirectUris": ["https://a/cb"] } ] }""",
        """{ "tenants": [] }""",
        """[]""",
    };

    [Theory]
    [InlineData("example-minimal.json")]
    [InlineData("example-full.json")]
    public async Task LoadAsync_PublishedExamples_AreValidAgainstTheSchemaAndLoad(string file)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Documents", file);

        var document = await ClientsDocumentSerializer.LoadAsync(path);

        Assert.True(Schema.Evaluate(JsonNode.Parse(File.ReadAllText(path))).IsValid);
        Assert.NotEmpty(document.Clients);
        // What the serializer writes is valid too, and reads back to the same clients.
        var written = ClientsDocumentSerializer.Serialize(document);
        Assert.True(Schema.Evaluate(JsonNode.Parse(written)).IsValid);
        Assert.Equal(document.Clients.Count, ClientsDocumentSerializer.Parse(written).Clients.Count);
        Assert.Equal(document.Clients[0], ClientsDocumentSerializer.Parse(written).Clients[0] with { RedirectUris = document.Clients[0].RedirectUris, AllowedScopes = document.Clients[0].AllowedScopes, GrantTypes = document.Clients[0].GrantTypes });
    }

    [Theory]
    [MemberData(nameof(Bad))]
    public void Parse_BadDocument_IsRefusedByTheLoaderAndTheSchema(string json)
    {
        var ex = Assert.Throws<ClientsDocumentException>(() => ClientsDocumentSerializer.Parse(json));

        Assert.False(Schema.Evaluate(JsonNode.Parse(json)).IsValid);
        Assert.DoesNotContain("s3cr3t", ex.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SecretMember_SaysDocumentsNeverCarrySecrets()
    {
        var ex = Assert.Throws<ClientsDocumentException>(() => ClientsDocumentSerializer.Parse("""{ "clients": [ { "name": "Web", "redirectUris": ["https://a/cb"], "clientSecret": "s3cr3t-value" } ] }"""));

        Assert.Contains("$.clients[0].clientSecret", ex.Message, StringComparison.Ordinal);
        Assert.Contains("never carries secrets", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{ "clients": [ { "name": "A", "name": "B", "redirectUris": ["https://a/cb"] } ] }""")]
    [InlineData("""{ "clients": [ { "name": "A", "redirectUris": ["https://a/cb"] } ], "clients": [] }""")]
    [InlineData("""{ "clients": [ { "name": "A", "redirectUris": [[[[[[[[[[[[[[[[[[[["x"]]]]]]]]]]]]]]]]]]]] } ] }""")]
    [InlineData("""{ "clients": [ { "name": "A", "redirectUris": ["https://a/cb"] }""")]
    public void Parse_MalformedJson_IsRefusedAsAnInvalidDocument(string json) =>
        Assert.Throws<ClientsDocumentException>(() => ClientsDocumentSerializer.Parse(json));

    [Fact]
    public void Parse_TwoClientsWithOneKey_IsRefusedWithTheKey()
    {
        var ex = Assert.Throws<ClientsDocumentException>(() => ClientsDocumentSerializer.Parse("""{ "clients": [ { "name": "Web", "redirectUris": ["https://a/cb"] }, { "name": "Web", "redirectUris": ["https://b/cb"] } ] }"""));

        Assert.Contains("'Web'", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoadAsync_DocumentLargerThanTheMaximum_IsRefused()
    {
        using var stream = new MemoryStream(new byte[ClientsDocumentSerializer.MaxDocumentSize + 1]);

        await Assert.ThrowsAsync<ClientsDocumentException>(() => ClientsDocumentSerializer.LoadAsync(stream));
    }
}
