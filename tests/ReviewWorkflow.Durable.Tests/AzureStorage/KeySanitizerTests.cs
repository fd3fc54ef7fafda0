using ReviewWorkflow.Durable.AzureStorage.Internal;

namespace ReviewWorkflow.Durable.Tests.AzureStorage;

public sealed class KeySanitizerTests
{
    [Theory]
    [InlineData("plain-id", "plain-id")]
    [InlineData("a/b", "a^0b")]
    [InlineData("a\\b", "a^1b")]
    [InlineData("a#b", "a^2b")]
    [InlineData("a?b", "a^3b")]
    [InlineData("a^b", "a^^b")]
    [InlineData("^0", "^^0")]
    public void Sanitize_escapes_like_the_durable_task_framework(string id, string key)
    {
        Assert.Equal(key, KeySanitizer.Sanitize(id));
        Assert.Equal(id, KeySanitizer.Unsanitize(key));
    }

    [Fact]
    public void Control_characters_become_caret_plus_offset_character()
    {
        Assert.Equal("a^\u00C9b", KeySanitizer.Sanitize("a\tb"));
        Assert.Equal("a^\u00C0", KeySanitizer.Sanitize("a\0"));
    }

    [Theory]
    [InlineData("review:2026/Q1 #3 ^^ ?\\")]
    [InlineData("ünïcødé-名前-🎉-\u007F-\u0085")]
    [InlineData("^^^0^1^2^3^")]
    [InlineData("")]
    public void Round_trips_and_never_leaves_a_forbidden_character(string id)
    {
        var key = KeySanitizer.Sanitize(id);
        Assert.Equal(id, KeySanitizer.Unsanitize(key));
        Assert.DoesNotContain(key, c => c is '/' or '\\' or '#' or '?' || char.IsControl(c));
    }

    [Fact]
    public void Prefixes_are_preserved()
    {
        Assert.StartsWith(KeySanitizer.Sanitize("cycle/2026"), KeySanitizer.Sanitize("cycle/2026#7?x"), StringComparison.Ordinal);
    }

    [Fact]
    public void Long_message_ids_get_distinct_bounded_keys()
    {
        var a = new string('x', 500) + "a";
        var b = new string('x', 500) + "b";
        Assert.True(KeySanitizer.MessageKey(a).Length < 250);
        Assert.NotEqual(KeySanitizer.MessageKey(a), KeySanitizer.MessageKey(b));
        Assert.Equal(KeySanitizer.MessageKey(a), KeySanitizer.MessageKey(a));
    }

    [Fact]
    public void Instance_ids_too_long_for_a_key_are_rejected_with_a_clear_message()
    {
        var e = Assert.Throws<ArgumentException>(() => KeySanitizer.PartitionKey(new string('/', 300)));
        Assert.Contains("too long", e.Message, StringComparison.Ordinal);
    }
}
