-- The embedded Partner Center: a stand-in for Microsoft's API with its own tables and demo data.
-- The product never reads these tables directly; only the embedded adapter does.

create table pc_reseller (
  id          varchar(36)  primary key,
  name        varchar(200) not null,
  mpn_id      varchar(20)  not null unique,
  state       varchar(20)  not null,
  location    varchar(10)  not null
);

create table pc_customer (
  id                      varchar(36)  primary key,
  company_name            varchar(200) not null,
  company_name_lower      varchar(200) not null,
  domain                  varchar(200) not null,
  country                 varchar(2)   not null,
  culture                 varchar(10)  not null,
  relationship_to_partner varchar(40)  not null,
  associated_partner_id   varchar(36)
);
create index pc_customer_name_idx on pc_customer (company_name_lower);
create index pc_customer_domain_idx on pc_customer (domain);

create table pc_subscription (
  id            varchar(36)  primary key,
  customer_id   varchar(36)  not null references pc_customer (id),
  offer_id      varchar(60)  not null,
  offer_name    varchar(200) not null,
  friendly_name varchar(200) not null,
  status        varchar(20)  not null,
  is_trial      boolean      not null,
  partner_id    varchar(36),
  created_at    timestamp with time zone not null
);
create index pc_subscription_customer_idx on pc_subscription (customer_id);

create table pc_azure_entitlement (
  id              varchar(36)  primary key,
  plan_id         varchar(36)  not null references pc_subscription (id),
  subscription_id varchar(36)  not null unique,
  friendly_name   varchar(200) not null,
  status          varchar(20)  not null
);
create index pc_azure_entitlement_plan_idx on pc_azure_entitlement (plan_id);

create table pc_reservation_sku (
  product_id        varchar(12)   not null,
  sku_id            varchar(4)    not null,
  availability_id   varchar(12)   not null,
  title             varchar(200)  not null,
  arm_sku_name      varchar(60)   not null,
  arm_region_name   varchar(40)   not null,
  region_display    varchar(60)   not null,
  term_duration     varchar(3)    not null,
  cores             integer       not null,
  ram_gb            numeric(9, 2) not null,
  category          varchar(60)   not null,
  minimum_quantity  bigint        not null,
  maximum_quantity  bigint        not null,
  billing_plans     varchar(40)   not null,
  unit_price        numeric(19, 4) not null,
  currency          varchar(3)    not null,
  primary key (product_id, sku_id)
);

create table pc_cart (
  id                    varchar(36) primary key,
  customer_id           varchar(36) not null references pc_customer (id),
  status                varchar(20) not null,
  attestation_accepted  boolean     not null,
  created_at            timestamp with time zone not null,
  expires_at            timestamp with time zone not null,
  checkout_request_id   varchar(36)
);

create table pc_cart_line (
  cart_id          varchar(36)  not null references pc_cart (id),
  line_id          integer      not null,
  catalog_item_id  varchar(40)  not null,
  quantity         bigint       not null,
  billing_cycle    varchar(20)  not null,
  term_duration    varchar(3)   not null,
  subscription_id  varchar(36)  not null,
  scope            varchar(20)  not null,
  duration         varchar(10)  not null,
  reseller_mpn_id  varchar(20),
  primary key (cart_id, line_id)
);

create table pc_order (
  id             varchar(40) primary key,
  alternate_id   varchar(12) not null,
  customer_id    varchar(36) not null references pc_customer (id),
  cart_id        varchar(36) not null references pc_cart (id),
  billing_cycle  varchar(20) not null,
  status         varchar(20) not null,
  currency_code  varchar(3)  not null,
  created_at     timestamp with time zone not null
);
create index pc_order_customer_idx on pc_order (customer_id);
create index pc_order_cart_idx on pc_order (cart_id);

create table pc_order_line (
  order_id             varchar(40) not null references pc_order (id),
  line_item_number     integer     not null,
  offer_id             varchar(40) not null,
  quantity             bigint      not null,
  term_duration        varchar(3)  not null,
  partner_id_on_record varchar(20),
  subscription_id      varchar(36) not null,
  scope                varchar(20) not null,
  duration             varchar(10) not null,
  primary key (order_id, line_item_number)
);
