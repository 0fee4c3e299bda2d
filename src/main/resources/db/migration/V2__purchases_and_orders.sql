-- Reservation Desk's own records: the purchase an agent is building (its cart) and the orders placed.
-- A process instance holds only the purchase id; the aggregate lives here.

create table purchase (
  id                  varchar(36)  primary key,
  process_instance_id varchar(64),
  customer_id         varchar(36)  not null,
  customer_name       varchar(200) not null,
  customer_country    varchar(2)   not null,
  subscription_id     varchar(36)  not null,
  subscription_name   varchar(200) not null,
  status              varchar(20)  not null,
  currency            varchar(3)   not null,
  scope               varchar(20),
  reseller_mpn_id     varchar(20),
  reseller_name       varchar(200),
  checkout_request_id varchar(36),
  created_by          varchar(64),
  ordered_by          varchar(64),
  created_at          timestamp with time zone not null,
  updated_at          timestamp with time zone not null
);
create index purchase_customer_idx on purchase (customer_id);

create table purchase_line (
  purchase_id       varchar(36)   not null references purchase (id),
  line_no           integer       not null,
  product_id        varchar(12)   not null,
  sku_id            varchar(4)    not null,
  arm_sku_name      varchar(60)   not null,
  arm_region_name   varchar(40)   not null,
  region_display    varchar(60)   not null,
  term_duration     varchar(3)    not null,
  billing_plan      varchar(10)   not null,
  quantity          bigint        not null,
  unit_price        numeric(19, 4) not null,
  currency          varchar(3)    not null,
  primary key (purchase_id, line_no)
);

create table placed_order (
  order_id          varchar(40)   primary key,
  purchase_id       varchar(36)   not null references purchase (id),
  customer_id       varchar(36)   not null,
  customer_name     varchar(200)  not null,
  subscription_id   varchar(36)   not null,
  scope             varchar(20)   not null,
  reseller_mpn_id   varchar(20),
  reseller_name     varchar(200),
  billing_cycle     varchar(20)   not null,
  status            varchar(20)   not null,
  currency          varchar(3)    not null,
  total             numeric(19, 2) not null,
  placed_by         varchar(64),
  placed_at         timestamp with time zone not null
);
create index placed_order_customer_idx on placed_order (customer_id, placed_at);
create index placed_order_purchase_idx on placed_order (purchase_id);

create table placed_order_line (
  order_id          varchar(40)   not null references placed_order (order_id),
  line_no           integer       not null,
  product_id        varchar(12)   not null,
  sku_id            varchar(4)    not null,
  arm_sku_name      varchar(60)   not null,
  arm_region_name   varchar(40)   not null,
  region_display    varchar(60)   not null,
  term_duration     varchar(3)    not null,
  billing_plan      varchar(10)   not null,
  quantity          bigint        not null,
  unit_price        numeric(19, 4) not null,
  line_total        numeric(19, 2) not null,
  primary key (order_id, line_no)
);
