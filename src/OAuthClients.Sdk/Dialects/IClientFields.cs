using System;
using System.Text.Json;

namespace OAuthClients.Sdk.Dialects;

/// <summary>
/// The members of a dialect's client object, read by <see cref="WireReader"/> straight from the JSON (a struct, so
/// that reading a client allocates the model and its values, not a wire object beside them).
/// </summary>
internal interface IClientFields
{
    /// <summary>
    /// Reads the member <paramref name="name"/> (matched case-insensitively, the reader on its value) into this
    /// object; <see langword="false"/> when the dialect has no such member (the caller skips it).
    /// </summary>
    bool Read(scoped ReadOnlySpan<char> name, ref Utf8JsonReader reader);
}
