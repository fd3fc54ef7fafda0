using ReviewWorkflow.Notifications.Email;

namespace ReviewWorkflow.Notifications.Tests.Infrastructure;

public static class Messages
{
    public static EmailMessage ConsultationRequest(string key = "consultation-request/r-001") => new()
    {
        To = new EmailRecipient("sam.carer@carers.example", "Sam Okafor"),
        Subject = "Have your say: Children in Care Pledge 2027",
        TextBody = "Hello Sam, please answer here: https://reviews.council.example/respond/abc123?x=1&y=2 Thank you.",
        HtmlBody = "<p>Hello Sam,</p><p><a href=\"https://reviews.council.example/respond/abc123?x=1&amp;y=2\">Answer</a></p>",
        Categories = ["consultation-request"],
        CustomArgs = new Dictionary<string, string> { ["cycleId"] = "cyc-42", ["consulteeId"] = "con-7", ["requestId"] = "r-001" },
        IdempotencyKey = key,
    };
}
