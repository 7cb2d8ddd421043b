/// The placeholders each template group knows, with the help text written into the template files.
public enum DraftPlaceholders {
    static let common: [Placeholder] = [
        Placeholder("council_name", "the council's name, \"Oakbridge Town Council\""),
        Placeholder("council_place", "the place it serves, \"Oakbridge\""),
        Placeholder("council_kind", "\"town council\", \"parish council\", …"),
        Placeholder("council_website", "the council's website"),
        Placeholder("accounts_link", "the page listing the official accounts (accounts_page), else the website"),
        Placeholder("accounts_link_bare", "the same link without \"https://\" and \"www.\", for posts counted as typed"),
        Placeholder("official_accounts", .list, "the council's official accounts, one row each"),
        Placeholder("account_platform", in: "official_accounts", "the row's platform, \"Facebook\""),
        Placeholder("account_handle", in: "official_accounts", "the row's handle, \"@OakbridgeTC\""),
        Placeholder("account_url", in: "official_accounts", "the row's profile address"),
        Placeholder("clerk_name", "the clerk's name, from [contact]"),
        Placeholder("clerk_role", "the clerk's title, \"Town Clerk\""),
        Placeholder("clerk_email", "the clerk's email address"),
        Placeholder("clerk_phone", "the clerk's phone number"),
        Placeholder("clerk_address", "the council's postal address"),
        Placeholder("clerk_contact", "the clerk's phone and email, \"01234 567890 or clerk@…\""),
        Placeholder("clerk_contact_short", "the clerk's phone, else email, else the accounts link"),
        Placeholder("suspect_platform", "the platform the fake account is on, \"Facebook\""),
        Placeholder("suspect_name", "the fake account's name, made safe (links and mentions broken up)"),
        Placeholder("suspect_handle", "the fake account's handle, without @, made safe"),
        Placeholder("first_seen", "the day impostor first saw the account, \"21 August 2026\" (\"21 Awst 2026\" in Welsh)"),
        Placeholder("drafted_on", "today's date, \"22 August 2026\""),
        Placeholder("target_person", .flag, "yes when the account pretends to be one of the council's people"),
        Placeholder("target_council", .flag, "yes when the account pretends to be the council itself"),
        Placeholder("person_name", "the person impersonated, \"Cllr Priya Sharma\""),
        Placeholder("person_role", "their office, \"Mayor\" (\"Maer\" in Welsh)"),
        Placeholder("impersonated", "who is impersonated: \"Oakbridge Town Council\", \"Cllr Priya Sharma, Mayor of …\" "
                    + "(in warnings before an election, the office only)"),
        Placeholder("impersonated_short", "the same, short: \"the council\", \"our Mayor, Cllr Priya Sharma\" "
                    + "(\"our Mayor\" before an election; \"y cyngor\", \"Maer y cyngor, …\" in Welsh)"),
        Placeholder("place_tag", "the place as a hashtag word, \"StourportOnSevern\""),
        Placeholder("pre_election", .flag, "yes in the pre-election period: no quotes, no photographs"),
        Placeholder("taken_mailbox", .flag, "yes when what was taken over is one of the council's own e-mail addresses"),
        Placeholder("fraud_name", "where to report fraud: \"Report Fraud\" (Police Scotland in Scotland)"),
        Placeholder("fraud_site", "its website, \"reportfraud.police.uk\""),
        Placeholder("fraud_phone", "its phone number, \"0300 123 2040\""),
    ]

    /// The names warning templates (`warning-<channel>`) may use.
    public static let warning = PlaceholderSchema(common + [
        Placeholder("channel_name", "where the warning is posted: \"X\", \"our website\""),
        Placeholder("official_here", "the council's own account on this channel, as a mention (\"@OakbridgeTC\")"),
        Placeholder("official_here_url", "the address of that account"),
    ])

    /// The names notice templates (`notice`, `notice-reason`) may use.
    public static let notice = PlaceholderSchema(common + [
        Placeholder("platform_name", "the platform the report goes to, \"X\""),
        Placeholder("report_form", "the platform's web form for impersonation, when it has one"),
        Placeholder("report_guide", "the platform's help page on impersonation"),
        Placeholder("report_in_app", "the path through the app to the report"),
        Placeholder("route_unconfirmed", .flag, "yes when the route is from a secondary source: check it first"),
        Placeholder("anyone_may_flag", .flag, "yes when any account (the council's too) may flag it in the app"),
        Placeholder("id_required", .flag, "yes when the person impersonated must upload their own photo ID"),
        Placeholder("organisation_proof", "what the platform may ask of the council as proof"),
        Placeholder("reporter_name", "who sends the report: the clerk, or the person impersonated"),
        Placeholder("reporter_role", "their title"),
        Placeholder("api_endpoint", "the report API, on Mastodon and Bluesky only"),
        Placeholder("suspect_url", "the fake account's address, as the platform gave it"),
        Placeholder("suspect_id", "the platform's id for the account (a DID on Bluesky)"),
        Placeholder("suspect_created", "when the platform says the account was created"),
        Placeholder("suspect_bio", "the fake account's bio, made safe and cut to 280 characters"),
        Placeholder("official_link", "the council's own account on this platform, else the accounts link"),
        Placeholder("score", "impostor's score, \"0.93\""),
        Placeholder("logo_distance", "how far the picture is from the council's logo, \"12 of 256 bits\""),
        Placeholder("evidence", .list, "the evidence, one line per row"),
        Placeholder("evidence_line", in: "evidence", "one line of evidence"),
        Placeholder("fields", .list, "the form's fields, one row each (notice only)"),
        Placeholder("field_label", in: "fields", "the field's name on the form"),
        Placeholder("field_value", in: "fields", "what to enter"),
        Placeholder("description", "the description text, rendered from notice-reason (notice only)"),
    ])
}
