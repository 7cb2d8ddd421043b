/// The built-in wording of the public warnings, one template per channel.
///
/// In the council's voice, as its social media policy asks: factual, non-political, sentence case,
/// no guess at who is behind the account. Councils change the wording by writing these out
/// (`TemplateSet.writeDefaults`) and editing the files.
enum WarningTemplates {
    static let header = """
        {{! Lines like this one are comments: they never appear in the draft. }}
        {{! Placeholders are written between double braces; the list of them is at the end of the file. }}
        {{! Optional parts are left out when the post is too long, level 1 first. }}

        """

    static let x = header + """
        {{! X: at most 280, as X counts: every link 23, most emoji and Chinese or Japanese characters 2. }}
        Warning: "{{suspect_name}}" ({{suspect_handle}}) on {{suspect_platform}} is a fake account pretending to be {{#target_person}}our {{person_role}}{{#person_name}}{{#optional 3}}, {{person_name}}{{/optional}}{{/person_name}}{{/target_person}}{{^target_person}}us{{/target_person}}. Don't reply, share it, or send money or personal details{{#optional 1}}; report it to {{suspect_platform}}{{/optional}}. Our accounts: {{#official_here}}{{official_here}} {{/official_here}}{{accounts_link}}{{#optional 2}} Clerk: {{clerk_contact_short}}.{{/optional}} Lost money? {{fraud_name}} {{fraud_phone}}
        """

    static let bluesky = header + """
        {{! Bluesky: at most 300 characters as typed, links included. }}
        Warning: "{{suspect_name}}" ({{suspect_handle}}) on {{suspect_platform}} is a fake account pretending to be {{impersonated_short}}.{{#optional 2}} It is not ours.{{/optional}} Don't reply, share it, or send money or personal details{{#optional 1}}; report it to {{suspect_platform}}{{/optional}}. Our accounts: {{#official_here}}{{official_here}} and {{/official_here}}{{accounts_link_bare}}{{#optional 1}} Clerk: {{clerk_contact_short}}.{{/optional}} Lost money? {{fraud_name}} {{fraud_phone}}
        """

    static let mastodon = header + """
        {{! Mastodon: 500 characters by default; every link counts 23 and @name@server counts as @name. }}
        Warning: a fake {{suspect_platform}} account, "{{suspect_name}}" ({{suspect_handle}}), is pretending to be {{impersonated_short}}. It is not ours.

        Please don't reply to it, share its posts, or send it money or personal details. Report it to {{suspect_platform}}.{{#optional 2}} We have reported it too.{{/optional}}

        Our accounts: {{accounts_link}}{{#official_here}} (here: {{official_here}}){{/official_here}}. Clerk: {{clerk_contact}}.

        Lost money? Contact your bank and {{fraud_name}}: {{fraud_site}}, {{fraud_phone}}.
        {{#optional 1}}

        #{{place_tag}}
        {{/optional}}
        """

    static let facebook = header + """
        {{! Facebook: held to 5,000 characters; only the first lines show before "See more". }}
        Warning: a fake {{suspect_platform}} account is pretending to be {{impersonated}}.

        The account calls itself "{{suspect_name}}" ({{suspect_handle}}). It is not run by, or connected with, {{council_name}}. We first saw it on {{first_seen}} and have reported it to {{suspect_platform}}.

        What to do
        - Don't accept friend or follow requests from it, reply to it, or click its links.
        - Don't share its posts, even to warn others: share this post instead.
        - Never send money, bank details or personal details in reply to a social media message.
        - Report the account to {{suspect_platform}} with the Report option on its profile.
        - If you have lost money, contact your bank straight away and report it to {{fraud_name}} at {{fraud_site}} or on {{fraud_phone}}.

        {{council_name}} will never ask you for payment or bank details by social media message.

        Our official accounts
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}{{#account_url}} ({{account_url}}){{/account_url}}
        {{/official_accounts}}
        {{#accounts_link}}
        The full list is on our website: {{accounts_link}}
        {{/accounts_link}}

        If you are not sure a message is from us, contact the clerk on {{clerk_contact}}.
        """

    static let instagram = header + """
        {{! Instagram: 2,200 characters; links in a caption cannot be tapped, so name the website plainly. }}
        Warning: a fake {{suspect_platform}} account is pretending to be {{impersonated}}.

        It calls itself "{{suspect_name}}" ({{suspect_handle}}). It is not run by, or connected with, {{council_name}}, and we have reported it to {{suspect_platform}}.

        Please don't follow it, reply to it or share its posts, and never send money, bank details or personal details to an account that messages you. Report it to {{suspect_platform}} with the Report option on its profile.

        {{council_name}} will never ask you for payment or bank details by social media message.

        Our official accounts:
        {{#official_accounts}}
        {{account_platform}}: {{account_handle}}
        {{/official_accounts}}
        The full list is on our website, {{accounts_link}}.

        Not sure a message is from us? Contact the clerk on {{clerk_contact}}.

        Lost money? Contact your bank and {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        """

    static let nextdoor = header + """
        {{! Nextdoor: no published limit, but only the first lines show; held to 600 characters. }}
        Warning: a fake {{suspect_platform}} account, "{{suspect_name}}" ({{suspect_handle}}), is pretending to be {{impersonated}}. Please don't reply to it or send it money or personal details, and report it to {{suspect_platform}}.

        Our official accounts are listed at {{accounts_link}}. To check a message is really from us, contact the clerk on {{clerk_contact}}.

        Lost money? Contact your bank and {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        {{#optional 1}}

        {{council_name}} will never ask for payment or bank details by social media message.
        {{/optional}}
        """

    static let website = header + """
        {{! The council's website: a news item of 150 to 300 words. }}
        Warning: fake {{suspect_platform}} account using {{#target_person}}the name of our {{person_role}}{{/target_person}}{{^target_person}}the council's name{{/target_person}}

        Published {{drafted_on}}

        An account on {{suspect_platform}} calling itself "{{suspect_name}}" ({{suspect_handle}}) is pretending to be {{impersonated}}. This account is not operated by, or connected with, {{council_name}}. We first saw it on {{first_seen}} and have reported it to {{suspect_platform}}.

        What you should do
        - Do not accept friend or follow requests from the account, reply to it, or click on its links.
        - Do not share its posts, even to warn others. Share this notice instead.
        - Never send money, bank details or personal details in response to a social media message.
        - Report the account to {{suspect_platform}} using the Report option on its profile.
        - If you have lost money or given your bank details, contact your bank straight away and report it to {{fraud_name}} at {{fraud_site}} or on {{fraud_phone}}.

        {{council_name}} will never ask you for payment or bank details by social media message.

        Our official accounts
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}{{#account_url}} ({{account_url}}){{/account_url}}
        {{/official_accounts}}

        Any other account using our name is not ours.

        Contact us
        If you are not sure whether a message is really from us, contact the clerk on {{clerk_contact}}{{#clerk_address}}, or write to {{clerk_address}}{{/clerk_address}}.
        {{^pre_election}}
        {{#clerk_name}}

        {{clerk_name}}{{#clerk_role}}, {{clerk_role}}{{/clerk_role}}, said: "We will never ask residents for money or bank details through social media. If something looks wrong, please check with us first."

        [Image suggestion: a screenshot of the fake profile with the word "Fake" across it. Do not use photographs of councillors or staff.]
        {{/clerk_name}}
        {{/pre_election}}

        This notice will be updated when the account is removed.
        """

    /// The defaults by template name.
    static let all: [String: String] = [
        Channel.x.templateName: x, Channel.bluesky.templateName: bluesky, Channel.mastodon.templateName: mastodon,
        Channel.facebook.templateName: facebook, Channel.instagram.templateName: instagram,
        Channel.nextdoor.templateName: nextdoor, Channel.website.templateName: website,
    ]
}
