-- Demo usage of the embedded Partner Center (issue 16). One row per VM fleet a demo customer runs: the embedded
-- usage adapter generates its hourly usage from the row, relative to the clock, so the demo never goes stale.
-- Only the embedded usage adapter reads these tables.
create table pc_usage_profile (
  id                    varchar(36)   primary key,
  customer_id           varchar(36)   not null,
  azure_subscription_id varchar(36)   not null,
  arm_region_name       varchar(40)   not null,
  arm_sku_name          varchar(100)  not null,
  -- STEADY, WEEKDAY_PEAKS, TREND or ROTATING (see UsagePattern)
  pattern               varchar(20)   not null,
  -- running instances: STEADY all the time, WEEKDAY_PEAKS the base, TREND 60 days ago, ROTATING while its turn
  instances             decimal(9, 3) not null,
  -- WEEKDAY_PEAKS: instances at the weekday daytime peak; TREND: instances now
  peak_instances        decimal(9, 3),
  -- instances that reservations or savings plans cover; usage above them is pay-as-you-go
  covered_instances     decimal(9, 3) default 0 not null,
  -- ROTATING: which of the three rotating slots this fleet runs in
  rotation_slot         int,
  -- hour-to-hour variation, a share of the running instances
  noise                 decimal(5, 3) not null,
  seed                  bigint        not null,
  -- what the profile teaches, in a sentence
  teaches               varchar(300)  not null
);
create index pc_usage_profile_customer on pc_usage_profile (customer_id);

-- Customers whose Azure tenant the partner may read (a granular admin relationship with an Azure role, or the app's
-- consent): only for them does Azure's own recommendation appear beside Reservation Desk's.
create table pc_azure_tenant_access (
  customer_id varchar(36)  primary key,
  granted_by  varchar(200) not null
);
