using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Text.RegularExpressions;
using Xunit;

namespace OAuthClients.Sdk.Cli.Tests;

/// <summary>
/// Approved files (Verify is not available here): the received text must equal Approved/{name}.approved.txt. On a
/// difference the test writes {name}.received.txt beside it and fails; review it, then copy it over the approved file.
/// </summary>
public static class Approvals
{
    public static void Verify(string received, string name)
    {
        var projectDirectory = typeof(Approvals).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ProjectDirectory").Value!;
        var approvedPath = Path.Combine(projectDirectory, "Approved", $"{name}.approved.txt");
        var receivedPath = Path.Combine(projectDirectory, "Approved", $"{name}.received.txt");
        received = received.ReplaceLineEndings("\n");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }

        File.WriteAllText(receivedPath, received);
        var approvedLines = approved.Split('\n');
        var receivedLines = received.Split('\n');
        var diff = string.Join(
            System.Environment.NewLine,
            approvedLines.Except(receivedLines).Select(line => "- " + line).Concat(receivedLines.Except(approvedLines).Select(line => "+ " + line)));
        Assert.Fail($"{name} differs from its approved file. Review {receivedPath}, then copy it over {approvedPath}.{System.Environment.NewLine}{diff}");
    }
}

/// <summary>Replaces the values that change from run to run (generated ids, ports, secrets) with stable names.</summary>
public sealed partial class Scrubber
{
    private readonly List<(string Value, string Name)> _replacements = [];
    private readonly List<(string Value, string Name)> _ids = [];

    public void Add(string? value, string name)
    {
        if (string.IsNullOrEmpty(value) || _replacements.Any(r => r.Value == value) || _ids.Any(r => r.Value == value))
        {
            return;
        }

        // An integer id (LumoAuth's) depends on the order in which concurrent creates arrive, so it is scrubbed like
        // generated text; it would match every count, so only where an id stands (an "id" member, a command's argument).
        (value.All(char.IsAsciiDigit) ? _ids : _replacements).Add((value, name));
    }

    public string Scrub(string text)
    {
        foreach (var (value, name) in _replacements.OrderByDescending(r => r.Value.Length))
        {
            text = Replace(text, @"(?<![\w-])" + Regex.Escape(value) + @"(?![\w-])", name);
        }

        foreach (var (value, name) in _ids)
        {
            text = Replace(text, @"(?<=""id"": ""|^clients \w+ )" + Regex.Escape(value) + @"(?![\w-])", name);
        }

        return Timestamp().Replace(text, "{time}");
    }

    private static string Replace(string text, string pattern, string name) => Regex.Replace(text, pattern, name.Replace("$", "$$", StringComparison.Ordinal));

    [GeneratedRegex(@"\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})")]
    private static partial Regex Timestamp();
}
