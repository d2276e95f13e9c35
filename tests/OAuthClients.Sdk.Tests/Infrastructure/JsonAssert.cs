using System;
using System.Text.Json.Nodes;
using Xunit;

namespace OAuthClients.Sdk.Tests.Infrastructure;

/// <summary>Compares JSON by value: member order and white space do not matter.</summary>
public static class JsonAssert
{
    public static void Equal(string expected, string? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), JsonNode.Parse(actual ?? "null")), $"Expected {expected}{Environment.NewLine}Actual   {actual}");
}
