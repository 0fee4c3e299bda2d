-- The embedded catalog is read from a Retail Prices API file at start (issue 3), no longer stored.
drop table pc_reservation_sku;

-- What the embedded Partner Center's inventory check refuses: a SKU pattern, for one Azure
-- subscription or all, in one region or all, with the reason Microsoft would give.
create table pc_sku_restriction (
  id                    varchar(36)  primary key,
  azure_subscription_id varchar(36),
  arm_region_name       varchar(40),
  sku_pattern           varchar(100) not null,
  reason_code           varchar(60)  not null,
  description           varchar(500) not null
);

-- SQL Database product names are longer than VM sizes; cart lines say what they reserve.
alter table purchase_line alter column arm_sku_name set data type varchar(120);
alter table placed_order_line alter column arm_sku_name set data type varchar(120);
alter table purchase_line add column reservation_type varchar(20) default 'VIRTUAL_MACHINES' not null;
