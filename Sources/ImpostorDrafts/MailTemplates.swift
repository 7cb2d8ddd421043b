/// The built-in wording for mail sent in the council's or its people's name: reports to the sender's
/// e-mail provider and to the national scam-mail service, and warnings that speak of e-mails rather
/// than of an account. Same voice and rules as `WarningTemplates`.
enum MailTemplates {
    /// The suffix of the template names used for e-mail cases ("warning-x-email", "notice-email").
    static let suffix = "-email"

    static let reason = WarningTemplates.header + """
        {{! The description box of the provider's form, or the text of the forwarded report. }}
        I am writing on behalf of {{council_name}}, a local council in the United Kingdom.
        The address {{suspect_handle}} is sending e-mails that claim to come from {{#target_person}}{{person_name}}, {{person_role}} of the council{{/target_person}}{{^target_person}}the council{{/target_person}} ("{{suspect_name}}"). It is not ours and we have not authorised it.{{#optional 1}} We first saw it on {{first_seen}}.{{/optional}}
        {{#optional 2}}
        {{#suspect_bio}}
        The message reads: "{{suspect_bio}}"
        {{/suspect_bio}}
        {{/optional}}
        The council's people write only from the council's own addresses; its accounts and website are listed at {{official_link}}. Please close the sending account.{{#clerk_email}} The council's clerk can confirm this report: {{clerk_email}}.{{/clerk_email}}
        """

    static let notice = WarningTemplates.header + """
        {{! The whole report for an e-mail case, as the clerk reads it. No length limit. }}
        Report to {{platform_name}}: e-mails sent in the name of {{impersonated}}

        Where to report
        {{report_in_app}}
        {{#report_form}}
        Web form: {{report_form}}
        {{/report_form}}
        {{#route_unconfirmed}}
        Check this route on {{platform_name}}'s own pages before relying on it: it comes from a secondary source.
        {{/route_unconfirmed}}
        If anyone has lost money, they should contact their bank and {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).

        The sender: {{suspect_handle}}
        Where residents can check the council's real accounts: {{official_link}}

        Form fields
        {{#fields}}
        {{field_label}}: {{field_value}}
        {{/fields}}

        Description
        {{description}}

        Evidence
        {{#evidence}}
        - {{evidence_line}}
        {{/evidence}}
        """

    static let x = WarningTemplates.header + """
        {{! X: at most 280, as X counts: every link 23. }}
        Warning: e-mails claiming to be from {{#target_person}}our {{person_role}}{{#person_name}}{{#optional 3}}, {{person_name}}{{/optional}}{{/person_name}}{{/target_person}}{{^target_person}}us{{/target_person}} are being sent from {{suspect_handle}}. They are not from us. Don't reply, buy gift cards or send money{{#optional 1}}; forward them to report@phishing.gov.uk{{/optional}}. Our accounts: {{accounts_link}}{{#optional 2}} Clerk: {{clerk_contact_short}}.{{/optional}} Lost money? {{fraud_name}} {{fraud_phone}}
        """

    static let bluesky = WarningTemplates.header + """
        {{! Bluesky: at most 300 characters as typed, links included. }}
        Warning: e-mails claiming to be from {{impersonated_short}} are being sent from {{suspect_handle}}. They are not from us. Don't reply, buy gift cards or send money{{#optional 1}}; forward them to report@phishing.gov.uk{{/optional}}. Our accounts: {{accounts_link_bare}}{{#optional 2}} Clerk: {{clerk_contact_short}}.{{/optional}} Lost money? {{fraud_name}} {{fraud_phone}}
        """

    static let mastodon = WarningTemplates.header + """
        {{! Mastodon: 500 characters by default; every link counts 23. }}
        Warning: e-mails claiming to be from {{impersonated_short}} are being sent from {{suspect_handle}}. They are not from us.

        Please don't reply, buy gift cards or send money or personal details. Forward the e-mail to report@phishing.gov.uk and delete it.

        Our accounts: {{accounts_link}}. Not sure a message is from us? Clerk: {{clerk_contact}}.

        Lost money? Contact your bank and {{fraud_name}}: {{fraud_site}}, {{fraud_phone}}.
        {{#optional 1}}

        #{{place_tag}}
        {{/optional}}
        """

    static let longForm = """
        Warning: e-mails claiming to be from {{impersonated}} are being sent from the address {{suspect_handle}}. They are not from {{council_name}}.

        The e-mails may ask if you are free, ask for a favour, or ask you to buy gift cards and send the codes, with a promise to pay you back. We first saw them on {{first_seen}}.

        What to do
        - Don't reply, and don't buy gift cards or send money, codes, bank details or personal details.
        - Forward the e-mail to report@phishing.gov.uk (the National Cyber Security Centre) and then delete it.
        - If you have lost money, contact your bank straight away and report it to {{fraud_name}} at {{fraud_site}} or on {{fraud_phone}}.

        {{council_name}} and its councillors will never ask you to buy gift cards or send money by e-mail.

        Our official accounts
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}
        {{/official_accounts}}
        {{#accounts_link}}
        The full list is on our website: {{accounts_link}}
        {{/accounts_link}}

        If you are not sure a message is from us, contact the clerk on {{clerk_contact}}.
        """

    static let facebook = WarningTemplates.header + """
        {{! Facebook: held to 5,000 characters; only the first lines show before "See more". }}
        """ + longForm

    static let instagram = WarningTemplates.header + """
        {{! Instagram: 2,200 characters; links in a caption cannot be tapped. }}
        """ + longForm

    static let nextdoor = WarningTemplates.header + """
        {{! Nextdoor: no published limit, but only the first lines show; held to 600 characters. }}
        Warning: e-mails claiming to be from {{impersonated}} are being sent from {{suspect_handle}}. They are not from us. Please don't reply, buy gift cards or send money; forward them to report@phishing.gov.uk.

        Our official accounts are listed at {{accounts_link}}. To check a message is really from us, contact the clerk on {{clerk_contact}}.

        Lost money? Contact your bank and {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        """

    static let website = WarningTemplates.header + """
        {{! The council's website: a news item of 150 to 300 words. }}
        Warning: scam e-mails in the name of {{#target_person}}our {{person_role}}{{/target_person}}{{^target_person}}the council{{/target_person}}

        Published {{drafted_on}}

        """ + longForm

    /// The defaults by template name.
    static let all: [String: String] = [
        "notice" + suffix: notice, "notice-reason" + suffix: reason,
        Channel.x.templateName + suffix: x, Channel.bluesky.templateName + suffix: bluesky,
        Channel.mastodon.templateName + suffix: mastodon, Channel.facebook.templateName + suffix: facebook,
        Channel.instagram.templateName + suffix: instagram, Channel.nextdoor.templateName + suffix: nextdoor,
        Channel.website.templateName + suffix: website,
    ]
}
