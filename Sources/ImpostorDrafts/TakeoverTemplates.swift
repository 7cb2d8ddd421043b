/// The built-in wording for one of the council's own accounts, or its own mailbox, in someone else's
/// hands: the plan to get it back, the text for a recovery form, and warnings that what it posted or
/// sent meanwhile is not from the council. Same voice and rules as `WarningTemplates`.
enum TakeoverTemplates {
    /// The suffix of the template names used for takeovers ("notice-takeover", "warning-x-takeover").
    static let suffix = "-takeover"

    static let reason = WarningTemplates.header + """
        {{! The box of a recovery form that asks what happened. It must fit: 1,000 characters on most forms. }}
        I am {{reporter_name}}, {{reporter_role}} of {{council_name}}, a local council in the United Kingdom.
        {{#taken_mailbox}}
        Someone outside the council has got into the council's mailbox {{suspect_handle}} and is sending e-mails from it.
        {{/taken_mailbox}}
        {{^taken_mailbox}}
        The council's own {{platform_name}} account {{suspect_url}} ({{suspect_handle}}) has been taken over by someone outside the council, who is posting in its name.
        {{/taken_mailbox}}
        {{#optional 1}}
        We noticed on {{first_seen}}.
        {{/optional}}
        {{#optional 2}}
        {{#evidence}}
        - {{evidence_line}}
        {{/evidence}}
        {{/optional}}
        Please help us secure the account, restore the council's access and remove what was posted or sent in its name.{{#clerk_email}} The council's clerk can confirm this: {{clerk_email}}.{{/clerk_email}}
        """

    static let notice = WarningTemplates.header + """
        {{! The plan for getting the account back, as the clerk reads it. No length limit. }}
        {{#taken_mailbox}}
        Getting the council's mailbox back: {{suspect_handle}}
        {{/taken_mailbox}}
        {{^taken_mailbox}}
        Getting the council's {{platform_name}} account back: {{suspect_handle}}
        {{/taken_mailbox}}

        impostor first saw the change on {{first_seen}}. The account: {{suspect_url}}

        Where to go
        {{#report_form}}
        Recovery page: {{report_form}}
        {{/report_form}}
        {{#report_guide}}
        Help page: {{report_guide}}
        {{/report_guide}}
        {{report_in_app}}
        {{#route_unconfirmed}}
        Check this route on {{platform_name}}'s own pages before relying on it: it comes from a secondary source.
        {{/route_unconfirmed}}

        What to do, in this order
        {{#taken_mailbox}}
        1. Change the mailbox's password to one used nowhere else, and sign it out everywhere. Whoever runs the council's e-mail (its provider or IT support) can do this at once.
        2. Turn on two-step sign-in (multi-factor authentication) for the mailbox.
        3. Look at the mailbox's forwarding and inbox rules, and delete any the council did not make: intruders add them to read and hide replies.
        4. Look in Sent Items for what was sent, and to whom. Warn those people directly, and keep copies as evidence.
        5. If personal data in the mailbox may have been seen, the council may have to report it to the Information Commissioner's Office (ico.org.uk) within 72 hours of finding out.
        6. Post the warning on the council's accounts and website, and tell councillors and staff.
        {{/taken_mailbox}}
        {{^taken_mailbox}}
        1. From a device and a network the council has used before, sign in, or start {{platform_name}}'s recovery. Secure the e-mail address the account uses first: whoever holds it can reset the password.
        2. Change the password to one used nowhere else, sign out every other session, and turn on two-step verification.
        3. Remove any admins, connected apps, e-mail addresses and phone numbers the council did not add.
        4. Keep screenshots of what was posted or sent in the council's name since {{first_seen}}, then delete it.
        5. Post the warning on the council's other accounts and website, and tell councillors and staff.
        6. When the account is back as it was, impostor's next scan finds it unchanged. If this case is a takeover alert and the council changed the account's name or picture while recovering it, mark the case Expected, so that the account as it is now becomes the one impostor compares with.
        {{/taken_mailbox}}
        If anyone has lost money, they should contact their bank and {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).

        What happened, for a form or a message that asks
        {{description}}

        Evidence
        {{#evidence}}
        - {{evidence_line}}
        {{/evidence}}
        """

    static let x = WarningTemplates.header + """
        {{! X: at most 280, as X counts: every link 23. }}
        Warning: {{#taken_mailbox}}someone else got into our e-mail {{suspect_handle}}. E-mails from it since {{first_seen}} are not from us{{/taken_mailbox}}{{^taken_mailbox}}our {{suspect_platform}} account {{suspect_handle}} has been taken over. Posts and messages from it since {{first_seen}} are not from us{{/taken_mailbox}}. Don't click their links or send money or details. Our accounts: {{accounts_link}}{{#optional 1}} Clerk: {{clerk_contact_short}}.{{/optional}} Lost money? {{fraud_name}} {{fraud_phone}}
        """

    static let bluesky = WarningTemplates.header + """
        {{! Bluesky: at most 300 characters as typed, links included. }}
        Warning: {{#taken_mailbox}}someone else got into our e-mail {{suspect_handle}}. E-mails from it since {{first_seen}} are not from us{{/taken_mailbox}}{{^taken_mailbox}}our {{suspect_platform}} account {{suspect_handle}} has been taken over. Posts and messages from it since {{first_seen}} are not from us{{/taken_mailbox}}. Don't click their links or send money or details. Our accounts: {{accounts_link_bare}}{{#optional 1}} Clerk: {{clerk_contact_short}}.{{/optional}} Lost money? {{fraud_name}} {{fraud_phone}}
        """

    static let mastodon = WarningTemplates.header + """
        {{! Mastodon: 500 characters by default; every link counts 23. }}
        {{#taken_mailbox}}
        Warning: someone outside the council got into our e-mail address {{suspect_handle}}. E-mails sent from it since {{first_seen}} are not from us.
        {{/taken_mailbox}}
        {{^taken_mailbox}}
        Warning: our {{suspect_platform}} account {{suspect_handle}} has been taken over by someone outside the council. Posts and messages from it since {{first_seen}} are not from us.
        {{/taken_mailbox}}

        Please don't click their links, sign in where they lead, or send money or personal details.

        Our accounts: {{accounts_link}}. Clerk: {{clerk_contact}}.

        Lost money? Contact your bank and {{fraud_name}}: {{fraud_site}}, {{fraud_phone}}.
        {{#optional 1}}

        #{{place_tag}}
        {{/optional}}
        """

    static let longForm = """
        {{#taken_mailbox}}
        Someone outside the council got into our e-mail address {{suspect_handle}}. E-mails sent from it since {{first_seen}}, such as a document to open, a request to sign in or an invoice with new bank details, are not from {{council_name}}. We are securing the mailbox.
        {{/taken_mailbox}}
        {{^taken_mailbox}}
        Our {{suspect_platform}} account {{suspect_handle}} has been taken over by someone outside the council. Anything posted or sent from it since {{first_seen}} is not from {{council_name}}. We are working with {{suspect_platform}} to get it back.
        {{/taken_mailbox}}

        What to do
        - Don't click links or open attachments in {{#taken_mailbox}}those e-mails{{/taken_mailbox}}{{^taken_mailbox}}its posts or messages{{/taken_mailbox}}, and don't sign in to anything they lead to.
        - If you did, and typed a password, change that password now, and anywhere else you use it.
        - Never send money, bank details or personal details in reply. {{council_name}} will never ask for payment or bank details by social media message, and never changes its bank details by e-mail alone.
        - If you have lost money or given your bank details, contact your bank straight away and report it to {{fraud_name}} at {{fraud_site}} or on {{fraud_phone}}.

        Our other official accounts
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}{{#account_url}} ({{account_url}}){{/account_url}}
        {{/official_accounts}}
        {{#accounts_link}}
        The full list is on our website: {{accounts_link}}
        {{/accounts_link}}

        If you are not sure a message is from us, contact the clerk on {{clerk_contact}}.
        """

    static let title = "Warning: {{#taken_mailbox}}e-mails from our address {{suspect_handle}} are not from us{{/taken_mailbox}}"
        + "{{^taken_mailbox}}our {{suspect_platform}} account has been taken over{{/taken_mailbox}}\n\n"

    static let facebook = WarningTemplates.header
        + "{{! Facebook: held to 5,000 characters; only the first lines show before \"See more\". }}\n" + title + longForm

    static let instagram = WarningTemplates.header
        + "{{! Instagram: 2,200 characters; links in a caption cannot be tapped. }}\n" + title + longForm

    static let nextdoor = WarningTemplates.header + """
        {{! Nextdoor: no published limit, but only the first lines show; held to 600 characters. }}
        Warning: {{#taken_mailbox}}someone outside the council got into our e-mail address {{suspect_handle}}. E-mails sent from it since {{first_seen}} are not from us{{/taken_mailbox}}{{^taken_mailbox}}our {{suspect_platform}} account {{suspect_handle}} has been taken over. Anything posted or sent from it since {{first_seen}} is not from us{{/taken_mailbox}}. Please don't click their links or send money or personal details.

        Our official accounts are listed at {{accounts_link}}. To check a message is really from us, contact the clerk on {{clerk_contact}}.

        Lost money? Contact your bank and {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        """

    static let website = WarningTemplates.header + "{{! The council's website: a news item of 150 to 300 words. }}\n" + title
        + "Published {{drafted_on}}\n\n" + longForm
        + "\n\nThis notice will be updated when {{#taken_mailbox}}we know more{{/taken_mailbox}}"
        + "{{^taken_mailbox}}the account is back in the council's hands{{/taken_mailbox}}."

    /// The defaults by template name.
    static let all: [String: String] = {
        let warnings: [Channel: String] = [
            .x: x, .bluesky: bluesky, .mastodon: mastodon, .facebook: facebook, .instagram: instagram,
            .nextdoor: nextdoor, .website: website,
        ]
        var all = ["notice" + suffix: notice, "notice-reason" + suffix: reason]
        for (channel, text) in warnings { all[channel.templateName + suffix] = text }
        return all
    }()
}
