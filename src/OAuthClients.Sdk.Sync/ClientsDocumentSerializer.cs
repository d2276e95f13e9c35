using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using OAuthClients.Sdk.Sync.Internal;

namespace OAuthClients.Sdk.Sync;

/// <summary>
/// Reads and writes desired-state documents as JSON (camelCase members; lifetimes in whole seconds), validated as
/// <see cref="Schema"/> describes. Unknown members are refused, and so is any member whose name mentions a secret.
/// </summary>
public static class ClientsDocumentSerializer
{
    /// <summary>The most bytes a document may have (16 MiB).</summary>
    public const int MaxDocumentSize = 16 * 1024 * 1024;

    /// <summary>Gets the document's JSON Schema (draft 2020-12), as published in the package (<c>schema/oauth-clients.schema.json</c>).</summary>
    public static string Schema { get; } = ReadSchema();

    /// <summary>Reads a document from JSON text.</summary>
    /// <param name="json">The document.</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="ClientsDocumentException">The document is invalid; the message says where.</exception>
    public static ClientsDocument Parse(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = 16 });
        }
        catch (JsonException ex)
        {
            throw new ClientsDocumentException($"The document is not valid JSON (line {ex.LineNumber + 1}).", ex);
        }

        return FromNode(node);
    }

    /// <summary>Reads a document from a stream (at most <see cref="MaxDocumentSize"/> bytes).</summary>
    /// <param name="stream">The document's UTF-8 bytes.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="ClientsDocumentException">The document is invalid or too large.</exception>
    public static async Task<ClientsDocument> LoadAsync(Stream stream, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxDocumentSize)
            {
                throw new ClientsDocumentException($"The document is larger than {MaxDocumentSize} bytes.");
            }

            buffer.Write(chunk, 0, read);
        }

        return Parse(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length));
    }

    /// <summary>Reads a document from a file.</summary>
    /// <param name="path">The file's path.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The validated document.</returns>
    /// <exception cref="ClientsDocumentException">The document is invalid or too large.</exception>
    /// <exception cref="IOException">The file cannot be read (for example <see cref="FileNotFoundException"/>).</exception>
    public static async Task<ClientsDocument> LoadAsync(string path, CancellationToken cancellationToken = default)
    {
        var stream = File.OpenRead(path);
        await using (stream.ConfigureAwait(false))
        {
            return await LoadAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes a document as indented JSON, with a <c>$schema</c> reference for editors.</summary>
    /// <param name="document">The document.</param>
    /// <returns>The JSON text.</returns>
    public static string Serialize(ClientsDocument document)
    {
        Validate(document);
        var node = JsonSerializer.SerializeToNode(document, SyncJsonContext.Default.ClientsDocument)!.AsObject();
        var result = new JsonObject { ["$schema"] = "./oauth-clients.schema.json" };
        foreach (var (name, value) in node.ToArray())
        {
            node.Remove(name);
            result[name] = value;
        }

        return result.ToJsonString(new JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    /// <summary>Checks the rules a schema cannot: unique keys, non-empty names and redirect URIs.</summary>
    internal static void Validate(ClientsDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        if (document.Clients is null)
        {
            throw new ClientsDocumentException("The document has no 'clients' list.");
        }

        for (var i = 0; i < document.Clients.Count; i++)
        {
            var client = document.Clients[i];
            if (client is null || string.IsNullOrWhiteSpace(client.Name) || client.RedirectUris is null || client.Key is { Length: 0 })
            {
                throw new ClientsDocumentException($"clients[{i}] needs a non-empty 'name' and a 'redirectUris' list (and a 'key', when given, is not empty).");
            }
        }

        var repeated = document.Clients.GroupBy(c => c.MatchKey, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToArray();
        if (repeated.Length > 0)
        {
            throw new ClientsDocumentException($"Several clients have the key(s) {string.Join(", ", repeated.Select(k => "'" + k + "'"))}: each client's key (its 'key', else its 'name') must be unique.");
        }
    }

    private static ClientsDocument FromNode(JsonNode? node)
    {
        if (node is not JsonObject root)
        {
            throw new ClientsDocumentException("The document is a JSON object with a 'clients' list.");
        }

        ClientsDocument? document;
        try
        {
            RefuseSecrets(root, "$");
            root.Remove("$schema");
            document = root.Deserialize(SyncJsonContext.Default.ClientsDocument);
        }
        catch (JsonException ex)
        {
            // The serializer's message names the member and path, never a value.
            throw new ClientsDocumentException($"The document is invalid at {ex.Path ?? "$"}: {ex.Message}", ex);
        }
        catch (ArgumentException ex)
        {
            // A JSON object builds its members on first use, and refuses a member name given twice then.
            throw new ClientsDocumentException("The document gives a member twice in one object.", ex);
        }

        Validate(document!);
        return document!;
    }

    private static void RefuseSecrets(JsonNode? node, string path)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var (name, value) in obj)
                {
                    if (name.Contains("secret", StringComparison.OrdinalIgnoreCase) || name.Contains("password", StringComparison.OrdinalIgnoreCase))
                    {
                        throw new ClientsDocumentException($"{path}.{name}: a document never carries secrets. Secrets of created clients go to the secret stores.");
                    }

                    RefuseSecrets(value, path + "." + name);
                }

                break;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++)
                {
                    RefuseSecrets(array[i], $"{path}[{i}]");
                }

                break;
        }
    }

    private static string ReadSchema()
    {
        using var stream = typeof(ClientsDocumentSerializer).Assembly.GetManifestResourceStream("oauth-clients.schema.json")!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
