/// The built-in Welsh wording of the takeover warnings (`TakeoverTemplates`), with the same placeholders
/// and the same care as `WelshWarningTemplates`: no value after a word that would mutate it.
enum WelshTakeoverTemplates {
    static let header = WelshWarningTemplates.header

    static let x = header + """
        {{! X: at most 280, as X counts: every link 23. Welsh letters (â, ŵ, ŷ) count 1. }}
        Rhybudd: {{#taken_mailbox}}mae rhywun arall wedi cael mynediad i'n e-bost {{suspect_handle}}. Nid ni sydd wedi anfon e-byst ohono ers {{first_seen}}{{/taken_mailbox}}{{^taken_mailbox}}mae rhywun arall wedi cymryd ein cyfrif {{suspect_platform}} {{suspect_handle}}. Nid ni sydd wedi postio ohono ers {{first_seen}}{{/taken_mailbox}}. Peidiwch â chlicio ar eu dolenni nac anfon arian na manylion. Ein cyfrifon: {{accounts_link}}{{#optional 1}} Clerc: {{clerk_contact_short}}.{{/optional}} Colli arian? {{fraud_name}} {{fraud_phone}}
        """

    static let bluesky = header + """
        {{! Bluesky: at most 300 characters as typed, links included. }}
        Rhybudd: {{#taken_mailbox}}mae rhywun arall wedi cael mynediad i'n e-bost {{suspect_handle}}. Nid ni sydd wedi anfon e-byst ohono ers {{first_seen}}{{/taken_mailbox}}{{^taken_mailbox}}mae rhywun arall wedi cymryd ein cyfrif {{suspect_platform}} {{suspect_handle}}. Nid ni sydd wedi postio ohono ers {{first_seen}}{{/taken_mailbox}}. Peidiwch â chlicio ar eu dolenni nac anfon arian na manylion. Ein cyfrifon: {{accounts_link_bare}}{{#optional 1}} Clerc: {{clerk_contact_short}}.{{/optional}} Colli arian? {{fraud_name}} {{fraud_phone}}
        """

    static let mastodon = header + """
        {{! Mastodon: 500 characters by default; every link counts 23. }}
        {{#taken_mailbox}}
        Rhybudd: mae rhywun y tu allan i'r cyngor wedi cael mynediad i'n cyfeiriad e-bost {{suspect_handle}}. Nid ni sydd wedi anfon y negeseuon e-bost sydd wedi dod ohono ers {{first_seen}}.
        {{/taken_mailbox}}
        {{^taken_mailbox}}
        Rhybudd: mae rhywun y tu allan i'r cyngor wedi cymryd ein cyfrif {{suspect_platform}} {{suspect_handle}}. Nid ni sydd wedi postio nac anfon negeseuon ohono ers {{first_seen}}.
        {{/taken_mailbox}}

        Peidiwch â chlicio ar eu dolenni, mewngofnodi lle maen nhw'n arwain, nac anfon arian na manylion personol.

        Ein cyfrifon: {{accounts_link}}. Clerc: {{clerk_contact}}.

        Colli arian? Cysylltwch â'ch banc a {{fraud_name}}: {{fraud_site}}, {{fraud_phone}}.
        {{#optional 1}}

        #{{place_tag}}
        {{/optional}}
        """

    static let longForm = """
        {{#taken_mailbox}}
        Mae rhywun y tu allan i'r cyngor wedi cael mynediad i'n cyfeiriad e-bost {{suspect_handle}}. Nid {{council_name}} sydd wedi anfon y negeseuon e-bost sydd wedi dod ohono ers {{first_seen}}, fel dogfen i'w hagor, cais i fewngofnodi neu anfoneb gyda manylion banc newydd. Rydym yn diogelu'r cyfrif e-bost.
        {{/taken_mailbox}}
        {{^taken_mailbox}}
        Mae rhywun y tu allan i'r cyngor wedi cymryd ein cyfrif {{suspect_platform}} {{suspect_handle}}. Nid {{council_name}} sydd wedi postio nac anfon dim ohono ers {{first_seen}}. Rydym yn gweithio i'w gael yn ôl.
        {{/taken_mailbox}}

        Beth i'w wneud
        - Peidiwch â chlicio ar ddolenni nac agor atodiadau yn {{#taken_mailbox}}y negeseuon e-bost hynny{{/taken_mailbox}}{{^taken_mailbox}}ei bostiadau na'i negeseuon{{/taken_mailbox}}, a pheidiwch â mewngofnodi i ddim y maen nhw'n arwain ato.
        - Os gwnaethoch chi, a theipio cyfrinair, newidiwch y cyfrinair hwnnw nawr, ac ym mhob man arall rydych chi'n ei ddefnyddio.
        - Peidiwch byth ag anfon arian, manylion banc na manylion personol mewn ateb. Ni fydd y cyngor byth yn gofyn am daliad na manylion banc drwy neges ar y cyfryngau cymdeithasol, ac nid yw byth yn newid ei fanylion banc drwy e-bost yn unig.
        - Os ydych wedi colli arian neu roi eich manylion banc, cysylltwch â'ch banc ar unwaith a rhowch wybod i {{fraud_name}} drwy {{fraud_site}} neu ar {{fraud_phone}}.

        Ein cyfrifon swyddogol eraill
        {{#official_accounts}}
        - {{account_platform}}: {{account_handle}}{{#account_url}} ({{account_url}}){{/account_url}}
        {{/official_accounts}}
        {{#accounts_link}}
        Mae'r rhestr lawn ar ein gwefan: {{accounts_link}}
        {{/accounts_link}}

        Os nad ydych yn siŵr a yw neges yn dod oddi wrthym ni, cysylltwch â'r clerc ar {{clerk_contact}}.
        """

    static let title = "Rhybudd: {{#taken_mailbox}}nid ni sydd wedi anfon e-byst o'n cyfeiriad {{suspect_handle}}{{/taken_mailbox}}"
        + "{{^taken_mailbox}}mae rhywun arall wedi cymryd ein cyfrif {{suspect_platform}}{{/taken_mailbox}}\n\n"

    static let facebook = header + "{{! Facebook: held to 5,000 characters; only the first lines show before \"See more\". }}\n"
        + title + longForm

    static let instagram = header + "{{! Instagram: 2,200 characters; links in a caption cannot be tapped. }}\n" + title + longForm

    static let nextdoor = header + """
        {{! Nextdoor: no published limit, but only the first lines show; held to 600 characters in each language. }}
        Rhybudd: {{#taken_mailbox}}mae rhywun arall wedi cael mynediad i'n cyfeiriad e-bost {{suspect_handle}}. Nid ni sydd wedi anfon e-byst ohono ers {{first_seen}}{{/taken_mailbox}}{{^taken_mailbox}}mae rhywun arall wedi cymryd ein cyfrif {{suspect_platform}} {{suspect_handle}}. Nid ni sydd wedi postio ohono ers {{first_seen}}{{/taken_mailbox}}. Peidiwch â chlicio ar eu dolenni nac anfon arian na manylion personol.

        Mae ein cyfrifon swyddogol wedi'u rhestru ar {{accounts_link}}. I wneud yn siŵr a yw neges yn dod oddi wrthym ni, cysylltwch â'r clerc ar {{clerk_contact}}.

        Wedi colli arian? Cysylltwch â'ch banc a {{fraud_name}} ({{fraud_site}}, {{fraud_phone}}).
        """

    static let website = header + "{{! The council's website: a news item of 150 to 300 words in each language. }}\n" + title
        + "Cyhoeddwyd {{drafted_on}}\n\n" + longForm
        + "\n\nBydd yr hysbysiad hwn yn cael ei ddiweddaru pan fydd {{#taken_mailbox}}gennym fwy o wybodaeth{{/taken_mailbox}}"
        + "{{^taken_mailbox}}y cyfrif yn ôl yn nwylo'r cyngor{{/taken_mailbox}}."

    /// The Welsh takeover defaults by template name ("warning-x-takeover.cy").
    static let all: [String: String] = {
        let warnings: [Channel: String] = [
            .x: x, .bluesky: bluesky, .mastodon: mastodon, .facebook: facebook, .instagram: instagram,
            .nextdoor: nextdoor, .website: website,
        ]
        var all: [String: String] = [:]
        for (channel, text) in warnings {
            all[channel.templateName + TakeoverTemplates.suffix + WelshWarningTemplates.suffix] = text
        }
        return all
    }()
}
