function __ecwid-edit_should_offer_completions_for_flags_or_options -a expected_commands
    set -l non_repeating_flags_or_options $argv[2..]
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ecwid-edit_parse_tokens
    test "$commands" = "$expected_commands"; and return $non_repeating_flags_or_options_absent
end

function __ecwid-edit_should_offer_completions_for_positional -a expected_commands positional_index_comparison expected_positional_index
    set -l non_repeating_flags_or_options
    set -l non_repeating_flags_or_options_absent 0
    set -l positional_index 0
    set -l commands
    __ecwid-edit_parse_tokens
    test "$commands" = "$expected_commands" -a \( "$positional_index" "$positional_index_comparison" "$expected_positional_index" \)
end

function __ecwid-edit_parse_tokens -S
    set -l unparsed_tokens (__ecwid-edit_tokens -pc)
    switch $unparsed_tokens[1]
    case 'ecwid-edit'
        __ecwid-edit_parse_subcommand 0 'version' 'h/help'
        switch $unparsed_tokens[1]
        case 'edit'
            __ecwid-edit_parse_subcommand 1 'api-url=' 'store-id=' 'token-file=' 'store=' 'timeout=' 'notify-low-stock' 'no-notify-low-stock' 'version' 'h/help'
        case 'demo'
            __ecwid-edit_parse_subcommand 0 'data=' 'pick' 'version' 'h/help'
        case 'get'
            __ecwid-edit_parse_subcommand 1 'api-url=' 'store-id=' 'token-file=' 'store=' 'timeout=' 'version' 'h/help'
        case 'search'
            __ecwid-edit_parse_subcommand 1 'api-url=' 'store-id=' 'token-file=' 'store=' 'timeout=' 'sku=' 'offset=' 'limit=' 'json' 'version' 'h/help'
        case 'diff'
            __ecwid-edit_parse_subcommand -r 1 'api-url=' 'store-id=' 'token-file=' 'store=' 'timeout=' 'requests' 'force' 'version' 'h/help'
        case 'apply'
            __ecwid-edit_parse_subcommand -r 1 'api-url=' 'store-id=' 'token-file=' 'store=' 'timeout=' 'yes' 'force' 'allow-destructive' 'notify-low-stock' 'no-notify-low-stock' 'version' 'h/help'
        case 'sandbox'
            __ecwid-edit_parse_subcommand 0 'port=' 'data=' 'token=' 'request-log=' 'faults=' 'plan-limit=' 'tax-class=+' 'version' 'h/help'
        case 'config'
            __ecwid-edit_parse_subcommand 0 'api-url=' 'store-id=' 'token-file=' 'store=' 'timeout=' 'notify-low-stock' 'no-notify-low-stock' 'version' 'h/help'
        case 'help'
            __ecwid-edit_parse_subcommand -r 1 'version'
        end
    end
end

function __ecwid-edit_tokens
    if test (string split -m 1 -f 1 -- . "$FISH_VERSION") -gt 3
        commandline --tokens-raw $argv
    else
        commandline -o $argv
    end
end

function __ecwid-edit_parse_subcommand -S -a positional_count
    argparse -s r -- $argv
    set -l option_specs $argv[2..]
    set -l is_repeating_positional $_flag_r
    set -el _flag_r
    set -a commands $unparsed_tokens[1]
    set positional_index 0
    while true
        set -e unparsed_tokens[1]
        argparse -sn "$commands" $option_specs -- $unparsed_tokens 2> /dev/null
        set unparsed_tokens $argv
        set positional_index (math $positional_index + 1)
        for non_repeating_flag_or_option in $non_repeating_flags_or_options
            if set -ql "_flag_$(string replace -a - _ -- $non_repeating_flag_or_option)"
                set non_repeating_flags_or_options_absent 1
                break
            end
        end
        test (count $unparsed_tokens) -eq 0 -o \( -z "$is_repeating_positional" -a "$positional_index" -gt "$positional_count" \) && break
    end
end

function __ecwid-edit_complete_directories
    set -l token (commandline -t)
    string match -- '*/' $token
    set -l subdirs $token*/
    printf %s\n $subdirs
end

function __ecwid-edit_custom_completion
    set -x SAP_SHELL fish
    set -x SAP_SHELL_VERSION $FISH_VERSION
    set -l tokens (__ecwid-edit_tokens -p)
    if test -z "$(__ecwid-edit_tokens -t)"
        set -l index (count (__ecwid-edit_tokens -pc))
        set tokens $tokens[..$index] \'\' $tokens[(math $index + 1)..]
    end
    command $tokens[1] $argv $tokens
end

complete -c 'ecwid-edit' -f
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'edit' -d 'Open a product in the editor (without an id: pick one).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'demo' -d 'Open the editor on a local sandbox store with sample products (no account, no network).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'get' -d 'Print a product as JSON.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'search' -d 'List products by keyword or SKU.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'diff' -d 'Show what saving an edited product JSON file would change.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'apply' -d 'Save an edited product JSON file, sending only what changed.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'sandbox' -d 'Run the local Ecwid-compatible sandbox server in the foreground.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'config' -d 'Show the effective connection settings (the token masked).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_positional "ecwid-edit" -eq 1' -fa 'help' -d 'Show subcommand help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" api-url' -l 'api-url' -d 'API root (default https://app.ecwid.com/api/v3; env ECWID_API_URL).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" store-id' -l 'store-id' -d 'Store id (env ECWID_STORE_ID).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" token-file' -l 'token-file' -d 'File holding the API token (or set ECWID_TOKEN).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" store' -l 'store' -d 'A named store from the configuration file.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" timeout' -l 'timeout' -d 'Seconds to wait for each answer of Ecwid (default 30; env ECWID_TIMEOUT). A write whose answer does not come in time is checked by re-reading the product, never sent twice.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" notify-low-stock' -l 'notify-low-stock' -d 'Ask Ecwid to check whether the low-stock email is due after each update (checkLowStockNotification; default off; env ECWID_NOTIFY_LOW_STOCK, config notify_low_stock).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" no-notify-low-stock' -l 'no-notify-low-stock' -d 'Ask Ecwid to check whether the low-stock email is due after each update (checkLowStockNotification; default off; env ECWID_NOTIFY_LOW_STOCK, config notify_low_stock).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit edit" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit demo" data' -l 'data' -d 'Keep the sandbox\'s store in this JSON file (default: in memory).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit demo" pick' -l 'pick' -d 'Start the product picker instead of the first product.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit demo" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit demo" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit get" api-url' -l 'api-url' -d 'API root (default https://app.ecwid.com/api/v3; env ECWID_API_URL).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit get" store-id' -l 'store-id' -d 'Store id (env ECWID_STORE_ID).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit get" token-file' -l 'token-file' -d 'File holding the API token (or set ECWID_TOKEN).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit get" store' -l 'store' -d 'A named store from the configuration file.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit get" timeout' -l 'timeout' -d 'Seconds to wait for each answer of Ecwid (default 30; env ECWID_TIMEOUT). A write whose answer does not come in time is checked by re-reading the product, never sent twice.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit get" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit get" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" api-url' -l 'api-url' -d 'API root (default https://app.ecwid.com/api/v3; env ECWID_API_URL).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" store-id' -l 'store-id' -d 'Store id (env ECWID_STORE_ID).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" token-file' -l 'token-file' -d 'File holding the API token (or set ECWID_TOKEN).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" store' -l 'store' -d 'A named store from the configuration file.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" timeout' -l 'timeout' -d 'Seconds to wait for each answer of Ecwid (default 30; env ECWID_TIMEOUT). A write whose answer does not come in time is checked by re-reading the product, never sent twice.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" sku' -l 'sku' -d 'Exact SKU.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" offset' -l 'offset' -d 'Skip this many results.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" limit' -l 'limit' -d 'At most this many results (1–100).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" json' -l 'json' -d 'Print the raw JSON answer.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit search" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" api-url' -l 'api-url' -d 'API root (default https://app.ecwid.com/api/v3; env ECWID_API_URL).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" store-id' -l 'store-id' -d 'Store id (env ECWID_STORE_ID).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" token-file' -l 'token-file' -d 'File holding the API token (or set ECWID_TOKEN).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" store' -l 'store' -d 'A named store from the configuration file.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" timeout' -l 'timeout' -d 'Seconds to wait for each answer of Ecwid (default 30; env ECWID_TIMEOUT). A write whose answer does not come in time is checked by re-reading the product, never sent twice.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" requests' -l 'requests' -d 'Also print the HTTP requests a save would send.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" force' -l 'force' -d 'Show what apply --force would send when the server\'s product changed in the same fields.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit diff" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" api-url' -l 'api-url' -d 'API root (default https://app.ecwid.com/api/v3; env ECWID_API_URL).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" store-id' -l 'store-id' -d 'Store id (env ECWID_STORE_ID).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" token-file' -l 'token-file' -d 'File holding the API token (or set ECWID_TOKEN).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" store' -l 'store' -d 'A named store from the configuration file.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" timeout' -l 'timeout' -d 'Seconds to wait for each answer of Ecwid (default 30; env ECWID_TIMEOUT). A write whose answer does not come in time is checked by re-reading the product, never sent twice.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" yes' -l 'yes' -d 'Do not ask for confirmation.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" force' -l 'force' -d 'Send the file\'s values even where the product changed on the server in the same fields.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" allow-destructive' -l 'allow-destructive' -d 'Allow clearing the name or the price, or deleting every image.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" notify-low-stock' -l 'notify-low-stock' -d 'Ask Ecwid to check whether the low-stock email is due after each update (checkLowStockNotification; default off; env ECWID_NOTIFY_LOW_STOCK, config notify_low_stock).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" no-notify-low-stock' -l 'no-notify-low-stock' -d 'Ask Ecwid to check whether the low-stock email is due after each update (checkLowStockNotification; default off; env ECWID_NOTIFY_LOW_STOCK, config notify_low_stock).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit apply" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" port' -l 'port' -d 'Port on 127.0.0.1 (0 picks a free one).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" data' -l 'data' -d 'JSON file {storeId, profile, products}; changes are written back to it.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" token' -l 'token' -d 'The token clients must send.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" request-log' -l 'request-log' -d 'Append one JSON line per request to this file.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" faults' -l 'faults' -d 'Fault injection, e.g. "seed=7,500@0.2,latency=2s@0.5".' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" plan-limit' -l 'plan-limit' -d 'Answer 402 once the store would hold more products than this.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox"' -l 'tax-class' -d 'A tax class code the store knows (repeatable); others answer 400.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit sandbox" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" api-url' -l 'api-url' -d 'API root (default https://app.ecwid.com/api/v3; env ECWID_API_URL).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" store-id' -l 'store-id' -d 'Store id (env ECWID_STORE_ID).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" token-file' -l 'token-file' -d 'File holding the API token (or set ECWID_TOKEN).' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" store' -l 'store' -d 'A named store from the configuration file.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" timeout' -l 'timeout' -d 'Seconds to wait for each answer of Ecwid (default 30; env ECWID_TIMEOUT). A write whose answer does not come in time is checked by re-reading the product, never sent twice.' -rfka ''
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" notify-low-stock' -l 'notify-low-stock' -d 'Ask Ecwid to check whether the low-stock email is due after each update (checkLowStockNotification; default off; env ECWID_NOTIFY_LOW_STOCK, config notify_low_stock).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" no-notify-low-stock' -l 'no-notify-low-stock' -d 'Ask Ecwid to check whether the low-stock email is due after each update (checkLowStockNotification; default off; env ECWID_NOTIFY_LOW_STOCK, config notify_low_stock).'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" version' -l 'version' -d 'Show the version.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit config" h help' -s 'h' -l 'help' -d 'Show help information.'
complete -c 'ecwid-edit' -n '__ecwid-edit_should_offer_completions_for_flags_or_options "ecwid-edit help" version' -l 'version' -d 'Show the version.'
