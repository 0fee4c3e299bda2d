-- Embedded Partner Center: registration of Azure subscriptions for reservations. A subscription
-- without a row was registered before Reservation Desk knew it (the demo's seeded ones).
create table pc_registration (
  azure_subscription_id varchar(36) primary key,
  status                varchar(20) not null,
  requested_at          timestamp with time zone,
  registered_at         timestamp with time zone
);
create index pc_cart_request_idx on pc_cart (customer_id, checkout_request_id);

-- A cart line once ordered keeps its order; the rest of the cart can go back to the agent.
alter table purchase_line add column order_id varchar(40);

-- Who approved or rejected, when, and why; what Partner Center last refused.
alter table purchase add column approval_reason varchar(300);
alter table purchase add column decided_by varchar(64);
alter table purchase add column decided_at timestamp with time zone;
alter table purchase add column rejection_reason varchar(1000);
alter table purchase add column order_problem varchar(2000);
