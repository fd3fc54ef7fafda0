using ReviewWorkflow.Notifications.Email;
using ReviewWorkflow.Notifications.Tests.Infrastructure;

namespace ReviewWorkflow.Notifications.Tests.Email;

public sealed class EmailValidationTests
{
    [Fact]
    public void Validate_ValidMessage_Passes() => EmailValidation.Validate(Messages.ConsultationRequest());

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("two@council.example, three@council.example")]
    [InlineData("Sam <sam@council.example>")]
    [InlineData("sam@council.example\r\nBcc: x@elsewhere.example")]
    [InlineData("")]
    public void Validate_BadAddress_ThrowsNamingTheField(string address)
    {
        var ex = Assert.Throws<ArgumentException>(() => EmailValidation.Validate(Messages.ConsultationRequest() with { To = new EmailRecipient(address, "Sam") }));
        Assert.Contains("To.Address", ex.Message);
    }

    [Theory]
    [InlineData("Sam\r\nBcc: x@elsewhere.example")]
    [InlineData("Sam\u2028Okafor")]
    public void Validate_LineBreakInDisplayName_Throws(string name)
    {
        var ex = Assert.Throws<ArgumentException>(() => EmailValidation.Validate(Messages.ConsultationRequest() with { To = new EmailRecipient("sam@carers.example", name) }));
        Assert.Contains("To.DisplayName", ex.Message);
    }

    [Fact]
    public void Validate_NoIdempotencyKey_Throws()
        => Assert.Throws<ArgumentException>(() => EmailValidation.Validate(Messages.ConsultationRequest() with { IdempotencyKey = " " }));

    [Fact]
    public void Validate_ElevenCategories_Throws()
        => Assert.Throws<ArgumentException>(() => EmailValidation.Validate(Messages.ConsultationRequest() with { Categories = [.. Enumerable.Range(0, 11).Select(i => $"c{i}")] }));
}
