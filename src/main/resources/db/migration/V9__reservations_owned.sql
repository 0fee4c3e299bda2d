-- What the customers own (issue 17): the embedded Partner Center's Azure reservation orders and their reservations,
-- as Microsoft.Capacity/reservationOrders/{orderId}/reservations/{id} describes them. The embedded checkout writes one
-- order with its reservation per reservation line it orders; the demo seeds a few; the embedded reservation inventory
-- reads them. Expiry is a date: the purchase date plus the term. "Expired" is not stored: it is read against the clock.
create table pc_reservation_order (
  id                  varchar(36)  primary key,
  customer_id         varchar(36)  not null references pc_customer (id),
  -- the Partner Center order and line it came from (Partner Center's entitlement names them)
  pc_order_id         varchar(40)  not null,
  pc_line_item_number integer      not null,
  product_id          varchar(12)  not null,
  sku_id              varchar(4)   not null,
  term_duration       varchar(3)   not null,
  -- Upfront or Monthly, as Azure writes it
  billing_plan        varchar(10)  not null,
  purchase_date       date         not null,
  expiry_date         date         not null,
  created_at          timestamp with time zone not null
);
create index pc_reservation_order_customer on pc_reservation_order (customer_id);

create table pc_reservation (
  id                  varchar(36)  primary key,
  reservation_order_id varchar(36) not null references pc_reservation_order (id),
  -- repeated from the order, so that a customer's reservations and the partner-wide pages read one index
  customer_id         varchar(36)  not null,
  display_name        varchar(100) not null,
  arm_sku_name        varchar(100) not null,
  arm_region_name     varchar(40)  not null,
  quantity            bigint       not null,
  -- Single or Shared; applied_scope is the subscription id of a single scope
  applied_scope_type  varchar(10)  not null,
  applied_scope       varchar(36),
  renew               boolean      not null,
  -- Succeeded, Creating, Failed, Cancelled …; Expired is derived from expiry_date
  provisioning_state  varchar(30)  not null,
  -- where a reservation of a customer without demo usage takes its utilization pattern from (README, "Reservations owned")
  seed                bigint       not null
);
create index pc_reservation_customer on pc_reservation (customer_id, reservation_order_id, id);
create index pc_reservation_order_idx on pc_reservation (reservation_order_id);
