using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Json.Schema;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace OAuthClients.Sdk.Tests.Contract;

/// <summary>
/// LumoAuth's OpenAPI spec (the clients part, the vendor's file verbatim): the JSON Schema of each operation's success
/// response, with the spec's <c>#/components/schemas</c> as <c>$defs</c>.
/// </summary>
public static class LumoAuthSpec
{
    private static readonly Lazy<JsonObject> Document = new(() =>
        (JsonObject)ToJson(Load(Path.Combine(AppContext.BaseDirectory, "Contract", "lumoauth-openapi-clients.yaml")))!);

    /// <summary>The operation ids of the spec's <c>/admin/clients</c> paths, each with its method and path.</summary>
    public static IEnumerable<(string OperationId, string Method, string Path)> ClientOperations() =>
        from path in Document.Value["paths"]!.AsObject()
        where path.Key.Contains("/admin/clients", StringComparison.Ordinal)
        from operation in path.Value!.AsObject()
        select (operation.Value!["operationId"]!.GetValue<string>(), operation.Key.ToUpperInvariant(), path.Key);

    /// <summary>The schema of the JSON body of <paramref name="operationId"/>'s success response.</summary>
    public static JsonSchema SuccessSchema(string operationId)
    {
        var operation = Document.Value["paths"]!.AsObject()
            .SelectMany(path => path.Value!.AsObject().Select(op => op.Value!.AsObject()))
            .Single(op => op["operationId"]!.GetValue<string>() == operationId);
        var response = operation["responses"]!.AsObject().First(r => r.Key.StartsWith('2'));
        var schema = response.Value!["content"]!["application/json"]!["schema"]!.DeepClone().AsObject();
        schema["$defs"] = Document.Value["components"]!["schemas"]!.DeepClone();
        return JsonSchema.FromText(schema.ToJsonString().Replace("#/components/schemas/", "#/$defs/", StringComparison.Ordinal));
    }

    /// <summary>Validates <paramref name="body"/> against <paramref name="operationId"/>'s success schema: the errors, none when valid.</summary>
    public static IReadOnlyList<string> Errors(string operationId, string body)
    {
        var result = SuccessSchema(operationId).Evaluate(JsonNode.Parse(body), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        return result.IsValid
            ? []
            : (result.Details ?? []).Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}")).ToList();
    }

    private static YamlNode Load(string path)
    {
        using var reader = new StreamReader(path);
        var stream = new YamlStream();
        stream.Load(reader);
        return stream.Documents[0].RootNode;
    }

    // YAML's plain scalars carry their JSON type (true, 3, null); quoted ones are strings.
    private static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c => KeyValuePair.Create(((YamlScalarNode)c.Key).Value!, ToJson(c.Value)))),
        YamlSequenceNode sequence => new JsonArray(sequence.Children.Select(ToJson).ToArray()),
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => Plain(scalar.Value),
        YamlScalarNode scalar => JsonValue.Create(scalar.Value),
        _ => throw new NotSupportedException(node.NodeType.ToString()),
    };

    private static JsonNode? Plain(string? value) => value switch
    {
        null or "null" or "~" or "" => null,
        "true" => JsonValue.Create(true),
        "false" => JsonValue.Create(false),
        _ when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var number) => JsonValue.Create(number),
        _ when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) => JsonValue.Create(real),
        _ => JsonValue.Create(value),
    };
}
